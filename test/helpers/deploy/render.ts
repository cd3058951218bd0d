/** Renders kustomize overlays and reads the deployment files for the offline deployment checks. */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments, parse } from 'yaml';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** A Kubernetes object as rendered (loosely typed: the checks walk it). */
export type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; [k: string]: any }; [k: string]: any };

/**
 * A kubectl with built-in kustomize: the system one, or Debian's kubernetes-client extracted into
 * .tools/ by scripts/kubectl-tool.sh. Null (with the reason) when neither is possible.
 */
export function findKubectl(): { bin: string | null; reason?: string } {
  const r = spawnSync('sh', [path.join(ROOT, 'scripts', 'kubectl-tool.sh')], {
    encoding: 'utf8',
    env: { ...process.env, APT_UPDATE: '1' },
    timeout: 300_000,
  });
  const bin = r.stdout.trim().split('\n').pop();
  return r.status === 0 && bin ? { bin } : { bin: null, reason: (r.stderr || r.error?.message || '').trim() };
}

/** `kubectl kustomize <dir>` parsed into objects. */
export function renderKustomization(kubectl: string, dir: string): K8sObject[] {
  const out = execFileSync(kubectl, ['kustomize', path.join(ROOT, dir)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 32 * 1024 * 1024,
  });
  return parseAllDocuments(out)
    .map((d) => {
      if (d.errors.length) throw new Error(`${dir}: ${d.errors[0].message}`);
      return d.toJS() as K8sObject;
    })
    .filter(Boolean);
}

export const readYaml = <T = any>(file: string): T => parse(fs.readFileSync(path.join(ROOT, file), 'utf8'), { merge: true }) as T;

/** Keys of `.env.example` (the documented configuration). */
export function envExampleKeys(): string[] {
  return fs
    .readFileSync(path.join(ROOT, '.env.example'), 'utf8')
    .split('\n')
    .map((l) => /^\s*([A-Z][A-Z0-9_]*)\s*=/.exec(l)?.[1])
    .filter((k): k is string => !!k);
}
