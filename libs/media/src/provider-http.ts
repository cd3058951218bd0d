import { AppError } from '@clipyard/contracts';
import { fetch as undiciFetch, FormData, type Dispatcher, type RequestInit as UndiciRequestInit } from 'undici';
import { withPinnedDispatcher, type UrlPolicy } from '@clipyard/security';

/** Multipart bodies for providerFetch (undici's FormData, matching its fetch). */
export { FormData as ProviderFormData };
export type ProviderRequestInit = Omit<UndiciRequestInit, 'redirect' | 'dispatcher'>;

/**
 * What every client of a customer's provider (Whisper, chat models) shares: coded errors, the
 * status → code mapping, Retry-After, key scrubbing, and one retry loop with capped backoff.
 */

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

export interface RetryOptions {
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

export const sleepFor = (ms: number, signal?: AbortSignal) =>
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

/** Runs `once` until it succeeds, a failure is final, retries run out, or `signal` aborts. */
export async function withProviderRetries<T>(
  opts: RetryOptions,
  signal: AbortSignal | undefined,
  wrap: (err: unknown) => ProviderError,
  once: () => Promise<T>,
): Promise<T> {
  const sleep = opts.sleep ?? sleepFor;
  let attempt = 0;
  for (;;) {
    attempt++;
    try {
      return await once();
    } catch (err) {
      const e = err instanceof ProviderError ? err : wrap(err);
      if (!e.retryable || attempt > opts.maxRetries || signal?.aborted) throw e;
      const hinted = typeof e.details?.retryAfterMs === 'number' ? (e.details.retryAfterMs as number) : undefined;
      const backoff = opts.baseDelayMs * 2 ** (attempt - 1) * (0.8 + Math.random() * 0.4);
      const delayMs = Math.min(opts.maxDelayMs, hinted ?? backoff);
      opts.onRetry?.({ attempt, status: e.details?.status as number | undefined, delayMs, reason: e.code });
      await sleep(delayMs, signal);
    }
  }
}

/** An HTTP error answer → coded error: 401/403 final (the key), 429/5xx/408/409 retryable, other 4xx final. */
export function providerHttpError(res: Response, body: string, apiKey: string): ProviderError {
  const providerMessage = scrubKey(extractProviderMessage(body), apiKey);
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

/** A thrown fetch error (timeout, abort, network) → coded error. */
export function providerFetchError(err: unknown, timeoutMs: number, apiKey: string, signal?: AbortSignal): ProviderError {
  const e = err as Error & { code?: string; cause?: { code?: string } };
  // The URL policy refused the base URL, before the call or at connect time (a DNS answer that
  // changed to a private address): final, the job must not retry into the private network.
  const refused = [err, e?.cause].find((x): x is AppError => x instanceof AppError && x.code === 'URL_FORBIDDEN');
  if (refused?.details?.reason === 'unresolvable') return new ProviderError('PROVIDER_UNAVAILABLE', 'The provider host does not resolve', true);
  if (refused) return new ProviderError('URL_FORBIDDEN', `The provider base URL is refused: ${refused.message}`, false);
  if (e?.name === 'TimeoutError') {
    return new ProviderError('PROVIDER_TIMEOUT', `The provider did not answer within ${timeoutMs} ms`, true);
  }
  if (e?.name === 'AbortError' || signal?.aborted) {
    return new ProviderError('PROVIDER_UNAVAILABLE', 'The request to the provider was cancelled', false);
  }
  return new ProviderError('PROVIDER_UNAVAILABLE', 'The provider could not be reached', true, {
    cause: scrubKey(e?.cause?.code ?? e?.message ?? 'network error', apiKey),
  });
}

export function extractProviderMessage(body: string): string {
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
export function scrubKey(s: string, apiKey: string): string {
  return apiKey && apiKey.length >= 4 ? s.split(apiKey).join('[redacted]') : s;
}

/**
 * One provider HTTP call, its body read as text. With `urlPolicy` (a user's base URL) the host is
 * resolved and checked first and the socket connects only to those checked addresses (a refusal
 * is a final URL_FORBIDDEN); without it (the operator's own URL) a plain fetch. Never follows
 * redirects: the key must not travel.
 */
export async function providerFetch(url: string, init: ProviderRequestInit, urlPolicy?: UrlPolicy): Promise<{ res: Response; text: string }> {
  // undici's own fetch (not the runtime's): the dispatcher, FormData and fetch are then always of
  // one version, whatever undici the installed Node.js bundles.
  const call = async (dispatcher?: Dispatcher) => {
    const res = await undiciFetch(url, { ...init, redirect: 'error', ...(dispatcher ? { dispatcher } : {}) });
    return { res: res as unknown as Response, text: await res.text() };
  };
  return urlPolicy ? withPinnedDispatcher(url, urlPolicy, call, { field: 'base_url' }) : call();
}
