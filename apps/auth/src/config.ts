import { z } from 'zod';
import { commonSchema, loadConfig, port } from '@clipyard/config';

export const authConfigSchema = commonSchema.extend({
  /** Small HTTP port for health and metrics. */
  AUTH_HTTP_PORT: port(3001),
});
export type AuthConfig = z.infer<typeof authConfigSchema>;
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
export const loadAuthConfig = (env?: Record<string, string | undefined>) => loadConfig(authConfigSchema, env);
