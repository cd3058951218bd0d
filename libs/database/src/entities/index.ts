import { AUTH_ENTITIES } from './auth';
import { BILLING_ENTITIES } from './billing';
import { GATEWAY_ENTITIES } from './gateway';

export * from './auth';
export * from './billing';
export * from './gateway';

/** Every entity, for migration generation only; apps register their own group. */
export const ALL_ENTITIES = [...AUTH_ENTITIES, ...BILLING_ENTITIES, ...GATEWAY_ENTITIES];
