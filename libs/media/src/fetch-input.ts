import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { AppError } from '@clipyard/contracts';
import { safeRequest, urlPolicyOf } from '@clipyard/security';
import type { MediaConfig } from './media.config';
import { MediaAbortedError, MediaError } from './media-error';

type FetchConfig = Pick<MediaConfig, 'ALLOW_PRIVATE_URLS' | 'URL_FETCH_TIMEOUT_S' | 'URL_MAX_BYTES' | 'URL_MAX_REDIRECTS'>;

/**
 * Downloads a URL input to `file` through the SSRF-checked client. Forbidden addresses, too-large
 * bodies and HTTP errors are final (MediaError, not retried); network trouble is retryable.
 */
export async function fetchUrlToFile(
  url: string,
  file: string,
  config: FetchConfig,
  opts: { maxBytes?: number; signal?: AbortSignal; headers?: Record<string, string> } = {},
): Promise<{ size: number; contentType?: string }> {
  const maxBytes = Math.min(opts.maxBytes ?? config.URL_MAX_BYTES, config.URL_MAX_BYTES);
  try {
    const res = await safeRequest(url, {
      policy: urlPolicyOf(config),
      maxBytes,
      timeoutMs: config.URL_FETCH_TIMEOUT_S * 1000,
      maxRedirects: config.URL_MAX_REDIRECTS,
      signal: opts.signal,
      ...(opts.headers ? { headers: opts.headers } : {}),
    });
    if (res.status < 200 || res.status >= 300) {
      res.body.destroy();
      // 5xx and 429 may pass; any other status will not.
      const retryable = res.status >= 500 || res.status === 429;
      throw new MediaError('URL_FETCH_FAILED', `The URL answered HTTP ${res.status}`, retryable, { status: res.status });
    }
    let size = 0;
    res.body.on('data', (c: Buffer) => (size += c.length));
    await pipeline(res.body, createWriteStream(file));
    return { size, contentType: res.headers['content-type'] };
  } catch (err) {
    await rm(file, { force: true });
    if (opts.signal?.aborted) throw new MediaAbortedError();
    if (err instanceof MediaError) throw err;
    if (err instanceof AppError) {
      const final = err.code === 'URL_FORBIDDEN' || err.code === 'INPUT_TOO_LARGE';
      throw new MediaError(err.code, err.message, !final, err.details);
    }
    throw new MediaError('URL_FETCH_FAILED', 'Could not fetch the URL', true);
  }
}
