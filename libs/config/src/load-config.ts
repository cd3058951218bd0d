import path from 'node:path';
import { z } from 'zod';
import { isDevSecretPlaceholder, isPublishedSecret, placeholderGenerator, storedDevSecret } from './dev-secrets';

/** Thrown at boot when the environment does not satisfy an app's schema. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export { devSecret, randomSecret } from './dev-secrets';

type Env = Record<string, string | undefined>;

/**
 * Variables replaced by another, still read for one release: when the new name is unset, a
 * truthy old one turns it on (and a warning says to rename it).
 */
const REPLACED_FLAGS: Record<string, string> = {
  ALLOW_PRIVATE_WEBHOOK_URLS: 'ALLOW_PRIVATE_URLS',
  ALLOW_PRIVATE_PROVIDER_URLS: 'ALLOW_PRIVATE_URLS',
  ALLOW_HTTP_PROVIDER_URLS: 'ALLOW_PRIVATE_URLS',
};
const warned = new Set<string>();

/**
 * Parses `source` (normally process.env) with `schema` and fails with every problem listed.
 * Empty strings count as unset so `.env` lines such as `S3_BUCKET=` fall back to defaults.
 */
export function loadConfig<S extends z.ZodType>(schema: S, source: Env = process.env): z.infer<S> {
  const cleaned: Env = {};
  for (const [k, v] of Object.entries(source)) if (v !== undefined && v !== '') cleaned[k] = v;
  for (const [old, now] of Object.entries(REPLACED_FLAGS)) {
    if (cleaned[old] === undefined) continue;
    if (!warned.has(old)) {
      warned.add(old);
      process.emitWarning(`${old} is replaced by ${now} (the one development switch of the URL policy)`, 'DeprecationWarning');
    }
    if (cleaned[now] === undefined && ['true', '1', 'yes'].includes(cleaned[old]!)) cleaned[now] = 'true';
    delete cleaned[old];
  }
  const first = parse(schema, cleaned);
  const production = (first as Record<string, unknown>).NODE_ENV === 'production';
  const problems: string[] = [];
  const fill: [string, string][] = [];
  for (const [k, v] of Object.entries(first as Record<string, unknown>)) {
    if (typeof v !== 'string') continue;
    if (isDevSecretPlaceholder(v) && cleaned[k] === undefined) {
      if (production) problems.push(`${k}: a development default is not allowed when NODE_ENV=production: set a secret`);
      else fill.push([k, v]);
    } else if (isDevSecretPlaceholder(v) || (isPublishedSecret(v) && cleaned[k] !== undefined)) {
      problems.push(`${k}: this value is published in Clipyard's source and is not a secret; unset it (development generates one) or set your own`);
    }
  }
  if (problems.length) throw new ConfigError(problems);
  if (!fill.length) return first;
  // Development and tests: secrets made on first start, kept in DEV_CREDENTIALS_DIR (.data/, git-ignored).
  const dir = cleaned.DEV_CREDENTIALS_DIR ?? path.join('.data', 'dev-secrets');
  for (const [k, placeholder] of fill) cleaned[k] = storedDevSecret(dir, k, placeholderGenerator(placeholder));
  return parse(schema, cleaned);
}

function parse<S extends z.ZodType>(schema: S, env: Env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  return parsed.data;
}
