/** Tables the auth app owns (only it writes them). */
export const AUTH_ENTITIES = [];
