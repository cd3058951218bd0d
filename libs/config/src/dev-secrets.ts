import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Development secrets: a secret variable left unset outside production gets a random value made
 * on first start and kept in `.data/dev-secrets/<NAME>` (git-ignored; one file per variable, so
 * every app of one checkout agrees). The schema default of such a variable is only a placeholder
 * that marks it: it is never used as a secret, and naming it (or any value that was once
 * published as a default in Clipyard's source) in the environment is refused everywhere.
 */
const PLACEHOLDERS = new Map<string, () => string>();

/** A random secret of 43 url-safe characters (256 bits). */
export const randomSecret = () => randomBytes(32).toString('base64url');

/** Marks `placeholder` as the default of a secret made by `generate` on first start (never in production). */
export function devSecret(placeholder: string, generate: () => string = randomSecret): string {
  PLACEHOLDERS.set(placeholder, generate);
  return placeholder;
}
export const isDevSecretPlaceholder = (value: unknown): value is string => typeof value === 'string' && PLACEHOLDERS.has(value);

/**
 * SHA-256 of values earlier releases shipped as defaults (RPC, storage-link, API-key pepper,
 * Stripe webhook, master keys): anyone can read them, so they are refused as secrets in any mode.
 */
const PUBLISHED = new Set([
  'afd44b3b6f12968f16a999d885ccb69bfc46bdb5c1fa8934f83aad10ae38153f',
  '991b1f769c646b5477d7e2779d91fb7042189c9317f61eaac2689ac160df35ed',
  '878e5588a75f767d0d2d58b934a685cdd73eb6c5595fb67a619bd1c7b28f4129',
  '62fbbf55c67c46a191d152bf487822d8dd0f4726235eee679fc73a6e024b7768',
  'e74957b175c4c6e5cd0e10cf81a0b11100e01583ffb0be2b3b66f84b9b63434d',
  '00fdd5abfe1fe1923705693f7cf69c0df05bbfb37b0b55e1465e6d290fc9c86a',
  'a4714f326da1f1accb2de9ce92f789feb0d1737841c35ea484db73678711f13d',
  '41ee3a33cbb63fc4ea0906094e4764052e8d1be48c001511f916d114da45c8c2',
]);

/** True when `value` (or one `version:key` item of a key list) appears in the source: a placeholder or a once-published default. */
export function isPublishedSecret(value: string): boolean {
  const parts = [value, ...value.split(','), ...value.split(',').map((p) => p.slice(p.indexOf(':') + 1))];
  return parts.some((p) => PLACEHOLDERS.has(p) || PUBLISHED.has(createHash('sha256').update(p.trim()).digest('hex')));
}

/** The stored development secret `name` in `dir`, made (atomically, first writer wins) when missing. */
export function storedDevSecret(dir: string, name: string, generate: () => string): string {
  const file = path.join(dir, name);
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, `${generate()}\n`, { mode: 0o600 });
  try {
    fs.linkSync(tmp, file); // fails if another process made it first: then theirs is used
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

export const placeholderGenerator = (placeholder: string) => PLACEHOLDERS.get(placeholder) ?? randomSecret;
