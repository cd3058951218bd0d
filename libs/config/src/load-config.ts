import { z } from 'zod';

/** Thrown at boot when the environment does not satisfy an app's schema. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Values that only exist so `npm start` works with no `.env`; production refuses them. */
export const DEV_SECRETS = new Set<string>();

/** Marks a default as a development-only secret (refused when NODE_ENV=production). */
export function devSecret(value: string): string {
  DEV_SECRETS.add(value);
  return value;
}

type Env = Record<string, string | undefined>;

/**
 * Parses `source` (normally process.env) with `schema` and fails with every problem listed.
 * Empty strings count as unset so `.env` lines such as `S3_BUCKET=` fall back to defaults.
 */
export function loadConfig<S extends z.ZodType>(schema: S, source: Env = process.env): z.infer<S> {
  const cleaned: Env = {};
  for (const [k, v] of Object.entries(source)) if (v !== undefined && v !== '') cleaned[k] = v;
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  const config = parsed.data as Record<string, unknown>;
  if (config.NODE_ENV === 'production') {
    const weak = Object.entries(config)
      .filter(([, v]) => typeof v === 'string' && DEV_SECRETS.has(v))
      .map(([k]) => `${k}: a development default is not allowed when NODE_ENV=production`);
    if (weak.length) throw new ConfigError(weak);
  }
  return parsed.data;
}
