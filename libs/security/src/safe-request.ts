import http from 'node:http';
import https from 'node:https';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { AppError } from '@clipyard/contracts';
import { checkedLookup, checkUrl, urlFetchFailed, type UrlPolicy } from './url-policy';

export interface SafeRequestOptions {
  policy: UrlPolicy;
  method?: 'GET' | 'POST' | 'HEAD';
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Largest response body; past it the body stream errors with INPUT_TOO_LARGE. */
  maxBytes?: number;
  /** Whole request (all hops, headers and body) must finish within this. */
  timeoutMs?: number;
  /** 0 = do not follow. */
  maxRedirects?: number;
  signal?: AbortSignal;
}

export interface SafeResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The final URL after redirects. */
  url: string;
  body: Readable;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** One checked HTTP(S) request, following checked redirects. The body is size-limited; consume or destroy it. */
export async function safeRequest(rawUrl: string, opts: SafeRequestOptions): Promise<SafeResponse> {
  const timeout = AbortSignal.timeout(opts.timeoutMs ?? 30_000);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  const maxRedirects = opts.maxRedirects ?? 5;
  let url = checkUrl(rawUrl, opts.policy);
  let method = opts.method ?? 'GET';
  let body = opts.body;
  for (let hop = 0; ; hop++) {
    const res = await requestOnce(url, method, opts, body, signal);
    if (!REDIRECTS.has(res.statusCode ?? 0) || maxRedirects === 0) {
      const declared = Number(res.headers['content-length']);
      if (opts.maxBytes !== undefined && Number.isFinite(declared) && declared > opts.maxBytes) {
        res.destroy();
        throw new AppError('INPUT_TOO_LARGE', `URL body is larger than the limit of ${opts.maxBytes} bytes`, { maxBytes: opts.maxBytes });
      }
      const limited = res.pipe(new ResponseLimit(opts.maxBytes));
      res.on('error', (err) => limited.destroy(err));
      signal.addEventListener('abort', () => limited.destroy(abortError(signal, timeout)), { once: true });
      return { status: res.statusCode ?? 0, headers: res.headers, url: url.toString(), body: limited };
    }
    res.resume();
    if (hop >= maxRedirects) throw urlFetchFailed(`more than ${maxRedirects} redirects`);
    const location = res.headers.location;
    if (!location) throw urlFetchFailed('redirect without a Location');
    url = checkUrl(new URL(location, url), opts.policy);
    if (res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
    }
  }
}

function abortError(signal: AbortSignal, timeout: AbortSignal): Error {
  return timeout.aborted ? urlFetchFailed('timed out') : (signal.reason as Error) ?? urlFetchFailed('aborted');
}

function requestOnce(
  url: URL,
  method: string,
  opts: SafeRequestOptions,
  body: string | Buffer | undefined,
  signal: AbortSignal,
): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const mod = url.protocol === 'https:' ? https : http;
    const req = mod.request(url, {
      method,
      headers: { 'user-agent': 'Clipyard/1.0', ...opts.headers },
      lookup: checkedLookup(opts.policy),
      // A fresh connection per request: a pooled socket could belong to another (unchecked) host.
      agent: false,
      signal,
    });
    req.on('response', resolve);
    req.on('error', (err: Error) => {
      if (err instanceof AppError) return reject(err);
      if (signal.aborted) return reject(urlFetchFailed(signal.reason instanceof Error && signal.reason.name === 'TimeoutError' ? 'timed out' : 'aborted'));
      reject(urlFetchFailed((err as NodeJS.ErrnoException).code ?? err.message));
    });
    req.end(body);
  });
}

class ResponseLimit extends Transform {
  private bytes = 0;
  constructor(private readonly maxBytes = Number.POSITIVE_INFINITY) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      return cb(new AppError('INPUT_TOO_LARGE', `URL body is larger than the limit of ${this.maxBytes} bytes`, { maxBytes: this.maxBytes }));
    }
    cb(null, chunk);
  }
}
