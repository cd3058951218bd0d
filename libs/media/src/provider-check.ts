import type { UrlPolicy } from '@clipyard/security';
import { providerFetch, providerFetchError, providerHttpError } from './provider-http';

export interface ProviderCheckRequest {
  /** The wire format the provider speaks: OpenAI-compatible or Anthropic's. */
  chatApi: 'openai' | 'anthropic';
  /** e.g. `https://api.openai.com/v1`. */
  baseUrl: string;
  /** The decrypted key, for the auth header only. */
  apiKey: string;
  urlPolicy?: UrlPolicy;
  timeoutMs: number;
}

/**
 * One cheap authenticated call that proves a key works: `GET {base}/models` (free on OpenAI,
 * Groq, Anthropic and the usual OpenAI-compatible servers; no tokens, no audio). Resolves with the
 * HTTP status, or throws the same coded ProviderError a job would get (PROVIDER_KEY_REJECTED…).
 * No retry: the person pressing "test" wants the answer of now.
 */
export async function checkProviderKey(req: ProviderCheckRequest): Promise<{ status: number }> {
  const headers: Record<string, string> =
    req.chatApi === 'anthropic' ? { 'x-api-key': req.apiKey, 'anthropic-version': '2023-06-01' } : { authorization: `Bearer ${req.apiKey}` };
  let res: Response;
  let text: string;
  try {
    ({ res, text } = await providerFetch(`${req.baseUrl.replace(/\/+$/, '')}/models`, { method: 'GET', headers, signal: AbortSignal.timeout(req.timeoutMs) }, req.urlPolicy));
  } catch (err) {
    throw providerFetchError(err, req.timeoutMs, req.apiKey);
  }
  if (!res.ok) throw providerHttpError(res, text, req.apiKey);
  return { status: res.status };
}
