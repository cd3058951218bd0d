/** Tables the gateway app owns (only it writes them). */
export const GATEWAY_ENTITIES = [];
