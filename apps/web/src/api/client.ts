import { createClipyardClient, type ClipyardClient } from '@clipyard/client';
import { refresh, session } from './session';

export { publicApi } from './public-client';

/**
 * The typed API client (`@clipyard/client`, generated from the OpenAPI description) with the
 * session's access token added, and one silent refresh-and-retry when the token has expired.
 */
async function authedFetch(input: Request): Promise<Response> {
  const send = (token: string | null) => {
    const req = input.clone();
    if (token) req.headers.set('Authorization', `Bearer ${token}`);
    return fetch(req);
  };
  const res = await send(session.accessToken());
  if (res.status !== 401) return res;
  if (!(await refresh().catch(() => false))) return res;
  return send(session.accessToken());
}

export const api: ClipyardClient = createClipyardClient({ baseUrl: location.origin, fetch: authedFetch });
