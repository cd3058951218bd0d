import { checkUrl, policyDispatcher, type UrlPolicy } from '@clipyard/security';

/** One JSON POST with a per-request timeout joined to the job's signal; never follows redirects (the key must not travel). */
export async function postJson(
  url: string,
  headers: Record<string, string>,
  body: unknown,
  signal: AbortSignal,
  timeoutMs: number,
  /** A user's base URL: literal addresses checked here, names at connect time (pinned dispatcher). */
  urlPolicy?: UrlPolicy,
): Promise<{ res: Response; text: string }> {
  if (urlPolicy) checkUrl(url, urlPolicy, { field: 'base_url' });
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
    redirect: 'error',
    ...(urlPolicy ? { dispatcher: policyDispatcher(urlPolicy) } : {}),
  });
  return { res, text: await res.text() };
}
