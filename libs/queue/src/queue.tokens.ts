/** Redis URL and key prefix of the app (`RedisSettings`). */
export const REDIS_SETTINGS = Symbol('REDIS_SETTINGS');
/** The app's validated config, read by `@Consumer` options (concurrency and the like). */
export const APP_CONFIG = Symbol('QUEUE_APP_CONFIG');
/** The secret that seals RPC requests and replies (`RPC_SECRET`). */
export const RPC_SECRET = Symbol('RPC_SECRET');
