import { safeRequest, type UrlPolicy } from '@clipyard/security';

export interface WebhookPostResult {
  status: number;
  /** The first bytes of the receiver's answer, for the delivery log. */
  body: string;
}

/**
 * POSTs one webhook body through the SSRF-checked client (every resolved address checked, the
 * socket pinned to it). Redirects are not followed: a 3xx is a failed attempt.
 */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  opts: { timeoutMs: number; policy: UrlPolicy },
): Promise<WebhookPostResult> {
  const res = await safeRequest(url, {
    policy: opts.policy,
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body,
    maxRedirects: 0,
    timeoutMs: opts.timeoutMs,
    maxBytes: 64 * 1024,
  });
  let text = '';
  try {
    for await (const chunk of res.body) if (text.length < 1024) text += chunk.toString();
  } catch {
    /* a receiver's oversized or broken answer body does not change its status */
  }
  return { status: res.status, body: text.slice(0, 1024) };
}
