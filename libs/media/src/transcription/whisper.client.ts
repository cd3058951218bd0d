import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import type { UrlPolicy } from '@clipyard/security';
import { ProviderError, ProviderFormData, providerFetch, providerFetchError, providerHttpError, retryAfterMs, withProviderRetries, type RetryOptions } from '../provider-http';
import { toLanguageCode } from './languages';

export interface WhisperSegment {
  start: number;
  end: number;
  text: string;
  speaker?: string;
}
export interface WhisperWord {
  word: string;
  start: number;
  end: number;
}
export interface WhisperResult {
  text: string;
  /** ISO-639-1 when the provider reported one. */
  language?: string;
  duration?: number;
  segments: WhisperSegment[];
  words?: WhisperWord[];
}

export interface WhisperRequest {
  /** e.g. `https://api.openai.com/v1` (no trailing `/audio/...`). */
  baseUrl: string;
  /**
   * The URL policy for a user-supplied base URL: the socket connects only to addresses it allows
   * (checked at connect time, so a DNS answer cannot change between the check and the call).
   * Unset for the operator's own platform URL.
   */
  urlPolicy?: UrlPolicy;
  /** The decrypted key. Used for the Authorization header only; never logged or echoed. */
  apiKey: string;
  filePath: string;
  model: string;
  language?: string;
  prompt?: string;
  /** `/audio/translations` (to English) instead of `/audio/transcriptions`. */
  translate?: boolean;
  /** Speaker labels through `diarized_json` (only providers that support it). */
  diarize?: boolean;
  wordTimestamps?: boolean;
  signal?: AbortSignal;
}

export interface WhisperClientOptions extends RetryOptions {
  /** Per-request timeout. */
  timeoutMs: number;
}

export { ProviderError, retryAfterMs };

/**
 * Calls an OpenAI-compatible `/audio/transcriptions` or `/audio/translations` endpoint with plain
 * fetch and multipart (the file is streamed from disk as a Blob, never read whole). Retries 429,
 * 5xx, timeouts and network errors with backoff honouring Retry-After; 401/403 fail at once.
 */
export class WhisperClient {
  constructor(private readonly opts: WhisperClientOptions) {}

  transcribe(req: WhisperRequest): Promise<WhisperResult> {
    return withProviderRetries(this.opts, req.signal, (err) => this.wrap(err, req), () => this.once(req));
  }

  private async once(req: WhisperRequest): Promise<WhisperResult> {
    const form = new ProviderFormData();
    const blob = await openAsBlob(req.filePath, { type: contentTypeFor(req.filePath) });
    form.append('file', blob, basename(req.filePath));
    const diarize = !!req.diarize && !req.translate;
    form.append('model', req.model);
    form.append('response_format', diarize ? 'diarized_json' : 'verbose_json');
    if (diarize) form.append('chunking_strategy', 'auto');
    if (req.language && !req.translate) form.append('language', req.language);
    if (req.prompt && !diarize) form.append('prompt', req.prompt);
    if (!diarize && !req.translate) {
      form.append('timestamp_granularities[]', 'segment');
      if (req.wordTimestamps !== false) form.append('timestamp_granularities[]', 'word');
    }
    const url = `${req.baseUrl.replace(/\/+$/, '')}/audio/${req.translate ? 'translations' : 'transcriptions'}`;
    const timeout = AbortSignal.timeout(this.opts.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const { res, text } = await providerFetch(
      url,
      { method: 'POST', headers: { authorization: `Bearer ${req.apiKey}`, accept: 'application/json' }, body: form, signal },
      req.urlPolicy,
    );
    if (!res.ok) throw providerHttpError(res, text, req.apiKey);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ProviderError('PROVIDER_UNAVAILABLE', 'The provider answered with something that is not JSON', true, {
        status: res.status,
      });
    }
    return parseResult(body);
  }

  private wrap(err: unknown, req: WhisperRequest): ProviderError {
    if ((err as { code?: string })?.code === 'ENOENT') throw err; // our own file is missing: a bug, not the provider's fault
    return providerFetchError(err, this.opts.timeoutMs, req.apiKey, req.signal);
  }
}

const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

/** verbose_json, diarized_json or plain json → one shape. */
export function parseResult(body: unknown): WhisperResult {
  const b = (body ?? {}) as Record<string, unknown>;
  const rawSegments = Array.isArray(b.segments) ? (b.segments as Record<string, unknown>[]) : [];
  const segments: WhisperSegment[] = [];
  for (const s of rawSegments) {
    const start = num(s.start);
    const end = num(s.end);
    if (start === undefined || end === undefined) continue;
    const seg: WhisperSegment = { start, end: Math.max(start, end), text: String(s.text ?? '').trim() };
    if (s.speaker !== undefined && s.speaker !== null) seg.speaker = String(s.speaker);
    segments.push(seg);
  }
  const words = Array.isArray(b.words)
    ? (b.words as Record<string, unknown>[])
        .filter((w) => num(w.start) !== undefined && num(w.end) !== undefined)
        .map((w) => ({ word: String(w.word ?? '').trim(), start: w.start as number, end: w.end as number }))
    : undefined;
  return {
    text: String(b.text ?? segments.map((s) => s.text).join(' ')).trim(),
    language: toLanguageCode(typeof b.language === 'string' ? b.language : undefined),
    duration: num(b.duration),
    segments,
    words: words?.length ? words : undefined,
  };
}

function contentTypeFor(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return (
    { mp3: 'audio/mpeg', ogg: 'audio/ogg', opus: 'audio/ogg', wav: 'audio/wav', flac: 'audio/flac', m4a: 'audio/mp4', webm: 'audio/webm' }[
      ext
    ] ?? 'application/octet-stream'
  );
}
