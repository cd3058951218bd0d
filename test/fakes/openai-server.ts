/**
 * A real, local OpenAI-compatible audio API for tests: `POST /v1/audio/transcriptions` and
 * `/v1/audio/translations` on 127.0.0.1 with a random port. It checks the bearer key, parses the
 * multipart body like the real API (fields and an audio file, under an upload limit), measures the
 * audio with ffprobe and answers verbose_json / diarized_json / json / text / srt / vtt whose
 * segments are the audio's actual non-silent stretches (found with ffmpeg silencedetect), so
 * timestamps in a test mean something. It can be scripted to answer 401, 429 with Retry-After,
 * 500, or slowly.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export interface ScriptedReply {
  status: number;
  /** Seconds, sent as `Retry-After`. */
  retryAfter?: number;
  body?: unknown;
}

export interface RecordedRequest {
  path: string;
  /** Whether the bearer key matched; the key itself is never recorded. */
  authorized: boolean;
  fields: Record<string, string[]>;
  fileName?: string;
  fileSize?: number;
  /** `mp3`, `wav`, `ogg`, … from the file's magic bytes. */
  fileKind?: string;
  duration?: number;
  status: number;
  at: number;
}

export interface FakeOpenAI {
  /** Base URL including `/v1`, as a provider key's base_url. */
  url: string;
  requests: RecordedRequest[];
  /** The plaintext key(s) requests must carry (any key when undefined). */
  expectedKey: string | string[] | undefined;
  /** How many requests each accepted key made (by the key's last 4 characters). */
  keyUse: Record<string, number>;
  /** Answers for the next requests, consumed in order before normal handling. */
  script: ScriptedReply[];
  /** Delay before every answer (ms), to exercise timeouts. */
  delayMs: number;
  /** Words the fake "hears", cycled through the segments. */
  words: string[];
  maxUploadBytes: number;
  /** Most requests that were being handled at the same time. */
  maxInFlight: number;
  close(): Promise<void>;
}

const LANG_NAMES: Record<string, string> = { en: 'english', fr: 'french', de: 'german', es: 'spanish', it: 'italian', nl: 'dutch' };

function fileKind(b: Uint8Array): string | undefined {
  const s = (from: number, to: number) => Buffer.from(b.subarray(from, to)).toString('latin1');
  if (s(0, 3) === 'ID3' || (b[0] === 0xff && (b[1] & 0xe0) === 0xe0)) return 'mp3';
  if (s(0, 4) === 'RIFF' && s(8, 12) === 'WAVE') return 'wav';
  if (s(0, 4) === 'OggS') return 'ogg';
  if (s(0, 4) === 'fLaC') return 'flac';
  if (s(4, 8) === 'ftyp') return 'mp4';
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return 'webm';
  return undefined;
}

const mask = (k: string) => (k.length > 8 ? `${k.slice(0, 3)}*****${k.slice(-4)}` : '*****');

async function speechSpans(path: string, duration: number): Promise<{ start: number; end: number }[]> {
  const { stderr } = await exec('ffmpeg', ['-hide_banner', '-nostdin', '-i', path, '-af', 'silencedetect=noise=-35dB:d=0.3', '-f', 'null', '-'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const spans: { start: number; end: number }[] = [];
  let cursor = 0;
  for (const line of stderr.split('\n')) {
    const s = /silence_start: (-?[\d.]+)/.exec(line);
    if (s) {
      const st = Math.max(0, Number(s[1]));
      if (st - cursor > 0.15) spans.push({ start: cursor, end: st });
    }
    const e = /silence_end: ([\d.]+)/.exec(line);
    if (e) cursor = Number(e[1]);
  }
  if (!/silence_start/.test(stderr.split('silence_end').pop() ?? '') && duration - cursor > 0.15) spans.push({ start: cursor, end: duration });
  // Whisper works in windows of at most 30 s; long speech becomes several segments
  return spans.flatMap((sp) => {
    const out = [];
    for (let t = sp.start; t < sp.end; t += 10) out.push({ start: t, end: Math.min(sp.end, t + 10) });
    return out;
  });
}

const r2 = (n: number) => Math.round(n * 100) / 100;

export async function startFakeOpenAI(opts: { expectedKey?: string | string[]; maxUploadBytes?: number } = {}): Promise<FakeOpenAI> {
  const state: Omit<FakeOpenAI, 'url' | 'close'> = {
    requests: [],
    expectedKey: opts.expectedKey,
    keyUse: {},
    script: [],
    delayMs: 0,
    words: ['the', 'quick', 'brown', 'fox', 'jumps', 'over', 'the', 'lazy', 'dog'],
    maxUploadBytes: opts.maxUploadBytes ?? 25 * 1024 * 1024,
    maxInFlight: 0,
  };
  let inFlight = 0;
  const tmp = await mkdtemp(join(tmpdir(), 'fake-openai-'));
  let n = 0;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    inFlight--; // before the answer leaves, so the client's next request cannot overlap the count
    res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json', ...headers });
    res.end(text);
  };
  const apiError = (message: string, type = 'invalid_request_error', code: string | null = null, param: string | null = null) => ({
    error: { message, type, param, code },
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const rec: RecordedRequest = { path: req.url ?? '', authorized: false, fields: {}, status: 0, at: Date.now() };
    const reply = (status: number, body: unknown, headers?: Record<string, string>) => {
      rec.status = status;
      state.requests.push(rec);
      send(res, status, body, headers);
    };
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > state.maxUploadBytes + 1024 * 1024) return reply(413, apiError('Maximum content size limit exceeded.'));
      chunks.push(c as Buffer);
    }
    if (state.delayMs) await new Promise((r) => setTimeout(r, state.delayMs).unref());
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === '/v1/models') {
      // what a key check calls: free, authenticated, no audio
      const key = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const ok = [state.expectedKey].flat();
      rec.authorized = !!key && (state.expectedKey === undefined || ok.includes(key));
      if (!rec.authorized) return reply(401, apiError(`Incorrect API key provided: ${mask(key ?? '')}.`, 'invalid_request_error', 'invalid_api_key'));
      return reply(200, { object: 'list', data: [{ id: 'whisper-1', object: 'model', owned_by: 'openai' }] });
    }
    if (req.method !== 'POST' || !['/v1/audio/transcriptions', '/v1/audio/translations'].includes(path)) {
      return reply(404, apiError(`Invalid URL (${req.method} ${path})`));
    }
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const allowed = state.expectedKey === undefined ? undefined : [state.expectedKey].flat();
    rec.authorized = !!auth && (allowed === undefined || allowed.includes(auth));
    if (rec.authorized && auth) state.keyUse[auth.slice(-4)] = (state.keyUse[auth.slice(-4)] ?? 0) + 1;
    const scripted = state.script.shift();
    if (scripted) {
      const headers: Record<string, string> = scripted.retryAfter !== undefined ? { 'retry-after': String(scripted.retryAfter) } : {};
      return reply(scripted.status, scripted.body ?? apiError(`scripted ${scripted.status}`, 'server_error'), headers);
    }
    if (!rec.authorized) {
      return reply(401, apiError(`Incorrect API key provided: ${mask(auth ?? '')}.`, 'invalid_request_error', 'invalid_api_key'));
    }
    let form: FormData;
    try {
      form = await new Response(Buffer.concat(chunks), { headers: { 'content-type': req.headers['content-type'] ?? '' } }).formData();
    } catch {
      return reply(400, apiError('Could not parse multipart form'));
    }
    for (const [k, v] of form.entries()) if (typeof v === 'string') (rec.fields[k] ??= []).push(v);
    const file = form.get('file');
    const field = (k: string) => rec.fields[k]?.[0];
    if (!(file instanceof Blob)) return reply(400, apiError("you must provide a 'file'", 'invalid_request_error', null, 'file'));
    if (!field('model')) return reply(400, apiError("you must provide a model parameter", 'invalid_request_error', null, 'model'));
    const bytes = new Uint8Array(await file.arrayBuffer());
    rec.fileName = (file as File).name;
    rec.fileSize = bytes.length;
    rec.fileKind = fileKind(bytes);
    if (bytes.length > state.maxUploadBytes) return reply(413, apiError(`Maximum content size limit (${state.maxUploadBytes}) exceeded.`));
    if (!rec.fileKind) return reply(400, apiError('Invalid file format.', 'invalid_request_error', null, 'file'));
    const format = field('response_format') ?? 'json';
    if (!['json', 'text', 'srt', 'verbose_json', 'vtt', 'diarized_json'].includes(format)) {
      return reply(400, apiError(`Invalid response_format ${format}`, 'invalid_request_error', null, 'response_format'));
    }
    const lang = field('language');
    if (lang && !/^[a-z]{2}$/.test(lang)) return reply(400, apiError(`Invalid language ${lang}`, 'invalid_request_error', null, 'language'));
    const translate = path.endsWith('translations');
    const filePath = join(tmp, `${++n}.${rec.fileKind}`);
    await writeFile(filePath, bytes);
    try {
      const probe = await exec('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', filePath]);
      rec.duration = Number(probe.stdout.trim());
      if (!Number.isFinite(rec.duration)) throw new Error('no duration');
      const spans = await speechSpans(filePath, rec.duration);
      let w = 0;
      const words: { word: string; start: number; end: number }[] = [];
      const segments = spans.map((sp, id) => {
        const count = Math.max(1, Math.round((sp.end - sp.start) * 2));
        const segWords = Array.from({ length: count }, (_, i) => {
          const word = state.words[w++ % state.words.length];
          const step = (sp.end - sp.start) / count;
          return { word, start: r2(sp.start + i * step), end: r2(sp.start + (i + 1) * step) };
        });
        words.push(...segWords);
        const text = (translate ? '[en] ' : '') + segWords.map((x) => x.word).join(' ');
        return { id, seek: 0, start: r2(sp.start), end: r2(sp.end), text: ` ${text}`, tokens: [], temperature: 0, avg_logprob: -0.2, compression_ratio: 1.2, no_speech_prob: 0.01 };
      });
      const text = segments.map((s) => s.text.trim()).join(' ');
      const language = translate ? 'english' : (LANG_NAMES[lang ?? 'en'] ?? lang ?? 'english');
      const granularities = rec.fields['timestamp_granularities[]'] ?? [];
      if (format === 'text') return reply(200, text);
      if (format === 'json') return reply(200, { text });
      if (format === 'diarized_json') {
        const speakerSegments = segments.map((s, i) => ({ type: 'transcript.text.segment', id: `seg_${i}`, start: s.start, end: s.end, text: s.text.trim(), speaker: i % 2 ? 'B' : 'A' }));
        return reply(200, { task: 'transcribe', duration: r2(rec.duration), text, segments: speakerSegments });
      }
      if (format === 'srt' || format === 'vtt') return reply(200, text);
      const body: Record<string, unknown> = { task: translate ? 'translate' : 'transcribe', language, duration: r2(rec.duration), text, segments };
      if (granularities.includes('word') && !translate) body.words = words;
      return reply(200, body);
    } catch {
      return reply(400, apiError('Audio file might be corrupted or unsupported', 'invalid_request_error', null, 'file'));
    } finally {
      await rm(filePath, { force: true });
    }
  };

  const server: Server = createServer((req, res) => {
    state.maxInFlight = Math.max(state.maxInFlight, ++inFlight);
    handle(req, res).catch((err) => {
      if (!res.headersSent) send(res, 500, apiError(String(err), 'server_error'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const fake = state as FakeOpenAI;
  fake.url = `http://127.0.0.1:${port}/v1`;
  fake.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(tmp, { recursive: true, force: true });
  };
  return fake;
}
