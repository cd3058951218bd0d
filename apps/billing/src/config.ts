import { z } from 'zod';
import { commonSchema, loadConfig, port } from '@clipyard/config';

export const billingConfigSchema = commonSchema.extend({
  /** Small HTTP port for health and metrics. */
  BILLING_HTTP_PORT: port(3002),
});
export type BillingConfig = z.infer<typeof billingConfigSchema>;
export const BILLING_CONFIG = Symbol('BILLING_CONFIG');
export const loadBillingConfig = (env?: Record<string, string | undefined>) => loadConfig(billingConfigSchema, env);
