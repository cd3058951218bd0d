import createClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './schema';

export type { components, operations, paths } from './schema';

/** A named schema of the API (`Schema<'Job'>`). */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];
/** The error body every route answers with. */
export type ApiError = components['schemas']['Error'];
export type ClipyardClient = Client<paths>;

export interface ClipyardClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** The gateway, e.g. `https://api.example.com` (no `/v1`). */
  baseUrl: string;
  /** An API key (`cy_live_…`), sent as `X-API-Key`. */
  apiKey?: string;
  /** An access token (or a function returning the current one, for refreshing callers). */
  token?: string | (() => string | undefined | Promise<string | undefined>);
}

/**
 * The typed Clipyard client (openapi-fetch over the generated `paths`):
 * `const { data, error } = await api.POST('/v1/jobs/trim', { body })`.
 */
export function createClipyardClient(opts: ClipyardClientOptions): ClipyardClient {
  const { apiKey, token, ...rest } = opts;
  const client = createClient<paths>({ ...rest, baseUrl: opts.baseUrl.replace(/\/+$/, '') });
  if (apiKey || token) {
    const auth: Middleware = {
      async onRequest({ request }) {
        if (apiKey && !request.headers.has('x-api-key')) request.headers.set('x-api-key', apiKey);
        const t = typeof token === 'function' ? await token() : token;
        if (t && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${t}`);
        return request;
      },
    };
    client.use(auth);
  }
  return client;
}
