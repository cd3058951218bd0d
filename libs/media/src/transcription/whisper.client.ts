import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '@clipyard/contracts';
import { checkUrl, policyDispatcher, type UrlPolicy } from '@clipyard/security';
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

export interface WhisperClientOptions {
  /** Per-request timeout. */
  timeoutMs: number;
  /** Retries after a 429, a 5xx, a timeout or a network error. */
  maxRetries: number;
  /** First backoff when the provider gives no Retry-After; doubles each time, with jitter. */
  baseDelayMs: number;
  /** Ceiling for any wait, including a provider's Retry-After. */
  maxDelayMs: number;
  /** Called before each retry (for logs and metrics; never receives the key). */
  onRetry?: (info: { attempt: number; status?: number; delayMs: number; reason: string }) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** A provider failure with a stable code; `retryable` says whether the job should be tried again. */
export class ProviderError extends AppError {
  constructor(
    code: string,
    message: string,
    readonly retryable: boolean,
    details?: Record<string, unknown>,
  ) {
    super(code, message, details);
    this.name = 'ProviderError';
  }
}

const sleepFor = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** Seconds or an HTTP date (Retry-After), or OpenAI's `retry-after-ms`; undefined when absent. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const ra = headers.get('retry-after');
  if (!ra) return undefined;
  if (/^\d+(\.\d+)?$/.test(ra.trim())) return Math.max(0, Number(ra) * 1000);
  const date = Date.parse(ra);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Calls an OpenAI-compatible `/audio/transcriptions` or `/audio/translations` endpoint with plain
 * fetch and multipart (the file is streamed from disk as a Blob, never read whole). Retries 429,
 * 5xx, timeouts and network errors with backoff honouring Retry-After; 401/403 fail at once.
 */
export class WhisperClient {
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(private readonly opts: WhisperClientOptions) {
    this.sleep = opts.sleep ?? sleepFor;
  }

  async transcribe(req: WhisperRequest): Promise<WhisperResult> {
    let attempt = 0;
    for (;;) {
      attempt++;
      try {
        return await this.once(req);
      } catch (err) {
        const e = err instanceof ProviderError ? err : this.wrap(err, req);
        if (!e.retryable || attempt > this.opts.maxRetries || req.signal?.aborted) throw e;
        const hinted = typeof e.details?.retryAfterMs === 'number' ? (e.details.retryAfterMs as number) : undefined;
        const backoff = this.opts.baseDelayMs * 2 ** (attempt - 1) * (0.8 + Math.random() * 0.4);
        const delayMs = Math.min(this.opts.maxDelayMs, hinted ?? backoff);
        this.opts.onRetry?.({ attempt, status: e.details?.status as number | undefined, delayMs, reason: e.code });
        await this.sleep(delayMs, req.signal);
      }
    }
  }

  private async once(req: WhisperRequest): Promise<WhisperResult> {
    const form = new FormData();
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
    // Literal addresses never reach the dispatcher's lookup: check them here (the scheme was checked when stored).
    if (req.urlPolicy) checkUrl(url, req.urlPolicy, { field: 'base_url' });
    const timeout = AbortSignal.timeout(this.opts.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${req.apiKey}`, accept: 'application/json' },
      body: form,
      signal,
      redirect: 'error',
      ...(req.urlPolicy ? { dispatcher: policyDispatcher(req.urlPolicy) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw this.httpError(res, text, req.apiKey);
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

  private httpError(res: Response, body: string, apiKey: string): ProviderError {
    const providerMessage = scrub(extractMessage(body), apiKey);
    const details: Record<string, unknown> = { status: res.status, providerMessage };
    if (res.status === 401 || res.status === 403) {
      return new ProviderError('PROVIDER_KEY_REJECTED', `The provider rejected the API key (HTTP ${res.status})`, false, details);
    }
    if (res.status === 429) {
      const ra = retryAfterMs(res.headers);
      if (ra !== undefined) details.retryAfterMs = ra;
      return new ProviderError('PROVIDER_RATE_LIMITED', 'The provider is rate limiting requests', true, details);
    }
    if (res.status >= 500) {
      const ra = retryAfterMs(res.headers);
      if (ra !== undefined) details.retryAfterMs = ra;
      return new ProviderError('PROVIDER_UNAVAILABLE', `The provider failed (HTTP ${res.status})`, true, details);
    }
    if (res.status === 408 || res.status === 409) {
      return new ProviderError('PROVIDER_UNAVAILABLE', `The provider asked to retry (HTTP ${res.status})`, true, details);
    }
    return new ProviderError('PROVIDER_REQUEST_REJECTED', `The provider refused the request (HTTP ${res.status})`, false, details);
  }

  private wrap(err: unknown, req: WhisperRequest): ProviderError {
    const e = err as Error & { code?: string; cause?: { code?: string } };
    // The URL policy refused the base URL, before the call or at connect time (DNS rebinding): final.
    const refused = [err, e?.cause].find((x): x is AppError => x instanceof AppError && x.code === 'URL_FORBIDDEN');
    if (refused) return new ProviderError('URL_FORBIDDEN', `The provider base URL is refused: ${refused.message}`, false);
    if (e?.name === 'TimeoutError') {
      return new ProviderError('PROVIDER_TIMEOUT', `The provider did not answer within ${this.opts.timeoutMs} ms`, true);
    }
    if (e?.name === 'AbortError' || req.signal?.aborted) {
      return new ProviderError('PROVIDER_UNAVAILABLE', 'The request to the provider was cancelled', false);
    }
    if (e?.code === 'ENOENT') throw err; // our own file is missing: a bug, not the provider's fault
    return new ProviderError('PROVIDER_UNAVAILABLE', 'The provider could not be reached', true, {
      cause: scrub(e?.cause?.code ?? e?.message ?? 'network error', req.apiKey),
    });
  }
}

function extractMessage(body: string): string {
  try {
    const j = JSON.parse(body) as { error?: { message?: string } | string; message?: string };
    const m = typeof j.error === 'string' ? j.error : (j.error?.message ?? j.message);
    if (m) return String(m).slice(0, 300);
  } catch {
    /* not JSON */
  }
  return body.slice(0, 300);
}

/** A provider could echo what it was sent; make sure the key never leaves in an error. */
function scrub(s: string, apiKey: string): string {
  return apiKey && apiKey.length >= 4 ? s.split(apiKey).join('[redacted]') : s;
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
