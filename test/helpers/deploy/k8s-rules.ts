/** Our own rules for rendered workloads, on top of the Kubernetes schemas. */
import type { K8sObject } from './render';

/** Problems with a Deployment/StatefulSet/Job: probes, resources, security context. */
export function checkWorkload(w: K8sObject): string[] {
  const where = `${w.kind}/${w.metadata.name}`;
  const pod = w.spec?.template?.spec ?? {};
  const problems: string[] = [];
  const podSc = pod.securityContext ?? {};
  if (podSc.seccompProfile?.type !== 'RuntimeDefault') problems.push(`${where}: pod seccompProfile is not RuntimeDefault`);
  if (pod.automountServiceAccountToken !== false) problems.push(`${where}: mounts a service account token`);
  if (pod.hostNetwork || pod.hostPID || pod.hostIPC) problems.push(`${where}: uses host namespaces`);
  for (const c of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
    const at = `${where} container ${c.name}`;
    const sc = c.securityContext ?? {};
    if ((sc.runAsNonRoot ?? podSc.runAsNonRoot) !== true) problems.push(`${at}: runAsNonRoot is not true`);
    if ((sc.runAsUser ?? podSc.runAsUser) === 0) problems.push(`${at}: runs as uid 0`);
    if (sc.allowPrivilegeEscalation !== false) problems.push(`${at}: allowPrivilegeEscalation is not false`);
    if (sc.readOnlyRootFilesystem !== true) problems.push(`${at}: readOnlyRootFilesystem is not true`);
    if (sc.privileged === true) problems.push(`${at}: privileged`);
    if (!(sc.capabilities?.drop ?? []).includes('ALL')) problems.push(`${at}: does not drop ALL capabilities`);
    for (const kind of ['requests', 'limits'])
      for (const r of ['cpu', 'memory']) if (!c.resources?.[kind]?.[r]) problems.push(`${at}: no ${kind}.${r}`);
    if (w.kind !== 'Job') {
      if (!c.livenessProbe) problems.push(`${at}: no livenessProbe`);
      if (!c.readinessProbe) problems.push(`${at}: no readinessProbe`);
    }
  }
  return problems;
}

/** Variable names a container gets from env, envFrom ConfigMaps and envFrom Secrets. */
export function containerEnvKeys(
  c: any,
  configMapKeys: (name: string) => string[],
  secretKeys: (name: string) => string[],
): string[] {
  const keys = new Set<string>((c.env ?? []).map((e: any) => e.name));
  for (const src of c.envFrom ?? []) {
    const prefix = src.prefix ?? '';
    if (src.configMapRef) configMapKeys(src.configMapRef.name).forEach((k) => keys.add(prefix + k));
    if (src.secretRef) secretKeys(src.secretRef.name).forEach((k) => keys.add(prefix + k));
  }
  return [...keys];
}

/** The one `…_PORT` variable an app listens on beyond the common ones (its HTTP port); ports of
 * services it calls (`STRIPE_API_PORT`, the Stripe stand-in's) are not its own. */
export function portKeyOf(app: string, keys: string[], common: string[]): string {
  const ports = keys.filter((k) => /_PORT$/.test(k) && !/_API_PORT$/.test(k) && !common.includes(k));
  if (ports.length !== 1) throw new Error(`${app}: expected one HTTP port variable, found ${ports.join(', ') || 'none'}`);
  return ports[0];
}
