import { z } from 'zod';
import { commonSchema, envBool, loadConfig, port, positiveInt } from '@clipyard/config';

export const gatewayConfigSchema = commonSchema.extend({
  GATEWAY_PORT: port(3000),
  GATEWAY_HOST: z.string().default('0.0.0.0'),
  /** Public URL of the API, used in Location headers and signed download links. */
  PUBLIC_BASE_URL: z.string().url().default('http://localhost:3000'),
  /** Comma-separated origins allowed by CORS; empty = no cross-origin browser access. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean)),
  /** Largest JSON body accepted (uploads have their own, per-plan limit). */
  BODY_LIMIT_BYTES: positiveInt(1024 * 1024),
  /** Trust X-Forwarded-* from a proxy in front (set when behind an ingress or load balancer). */
  TRUST_PROXY: envBool(false),
  /** How long /health/ready waits for each service's ping. */
  HEALTH_RPC_TIMEOUT_MS: positiveInt(2000),
  /** How often counted API requests are flushed to billing as `usage.requests` events. */
  USAGE_FLUSH_MS: positiveInt(5000),
});
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
export const loadGatewayConfig = (env?: Record<string, string | undefined>) => loadConfig(gatewayConfigSchema, env);
