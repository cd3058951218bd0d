import { createClipyardClient, type ClipyardClient } from '@clipyard/client';

/** For the routes that make a session (sign-in, refresh): no token, no retry. */
export const publicApi: ClipyardClient = createClipyardClient({ baseUrl: location.origin, credentials: 'same-origin' });
