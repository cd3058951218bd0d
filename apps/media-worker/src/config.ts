import { z } from 'zod';
import { commonSchema, loadConfig, port } from '@clipyard/config';
import { storageConfigSchema } from '@clipyard/storage';

export const workerConfigSchema = commonSchema.extend(storageConfigSchema.shape).extend({
  /** Small HTTP port for health and metrics. */
  WORKER_HTTP_PORT: port(3003),
});
export type WorkerConfig = z.infer<typeof workerConfigSchema>;
export const WORKER_CONFIG = Symbol('WORKER_CONFIG');
export const loadWorkerConfig = (env?: Record<string, string | undefined>) => loadConfig(workerConfigSchema, env);
