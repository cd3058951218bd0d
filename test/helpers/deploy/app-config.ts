/**
 * Which environment variables each app reads, taken from the apps' own zod config schemas
 * (`apps/<app>/src/config.ts`, every export named `…ConfigSchema`), so the deployment files are
 * checked against the code rather than against a list that can drift.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commonSchema } from '@clipyard/config';
import { ROOT } from './render';

/** Object keys of a zod (v4) schema, looking through pipes, defaults and other wrappers. */
export function schemaKeys(schema: any): string[] {
  const seen = new Set<unknown>();
  const walk = (s: any): string[] => {
    if (!s || typeof s !== 'object' || seen.has(s)) return [];
    seen.add(s);
    if (s.shape && typeof s.shape === 'object') return Object.keys(s.shape);
    const def = s._zod?.def ?? s.def;
    if (!def) return [];
    for (const k of ['in', 'innerType', 'schema', 'left', 'out']) {
      const keys = walk(def[k]);
      if (keys.length) return keys;
    }
    return [];
  };
  return walk(schema);
}

export const APPS = fs
  .readdirSync(path.join(ROOT, 'apps'))
  .filter((a) => fs.existsSync(path.join(ROOT, 'apps', a, 'src', 'config.ts')))
  .sort();

/** app name → the env var names its config schema reads. */
export function appConfigKeys(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const app of APPS) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(ROOT, 'apps', app, 'src', 'config.ts')) as Record<string, unknown>;
    const keys = new Set<string>();
    for (const [name, value] of Object.entries(mod)) if (/ConfigSchema$/.test(name)) schemaKeys(value).forEach((k) => keys.add(k));
    if (!keys.size) throw new Error(`apps/${app}/src/config.ts exports no *ConfigSchema with keys`);
    out[app] = [...keys].sort();
  }
  return out;
}

/** What the migrations CLI reads (libs/database/src/migrate.ts loads the common schema). */
export const migrateConfigKeys = () => schemaKeys(commonSchema).sort();

/** Names that must never sit in a ConfigMap or a compose default. */
export const looksSecret = (key: string) =>
  !/_ID$/.test(key) && /SECRET|PASSWORD(?!LESS)|TOKEN|(?<!ALLOW_)PRIVATE|(^|_)KEY(S)?$|_KEY_|DATABASE_URL|REDIS_URL/.test(key);
