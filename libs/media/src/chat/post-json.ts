import type { UrlPolicy } from '@clipyard/security';
import { providerFetch } from '../provider-http';

/** One JSON POST with a per-request timeout joined to the job's signal; never follows redirects (the key must not travel). */
export async function postJson(
  url: string,
  headers: Record<string, string>,
  body: unknown,
  signal: AbortSignal,
  timeoutMs: number,
  /** A user's base URL: resolved, checked and pinned (see providerFetch). */
  urlPolicy?: UrlPolicy,
): Promise<{ res: Response; text: string }> {
  return providerFetch(
    url,
    {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
    },
    urlPolicy,
  );
}
