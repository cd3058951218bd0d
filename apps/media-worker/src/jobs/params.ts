import type { z } from 'zod';
import { MediaError } from '@clipyard/media';

/** Validates a job's params at the boundary; a bad payload fails at once, naming the fields. */
export function parseParams<S extends z.ZodType>(schema: S, params: unknown): z.output<S> {
  const r = schema.safeParse(params);
  if (!r.success) {
    const fields = r.error.issues.map((i) => `${i.path.join('.') || '(params)'}: ${i.message}`).join('; ');
    throw new MediaError('VALIDATION_FAILED', `Invalid job parameters: ${fields}`.slice(0, 500));
  }
  return r.data;
}
