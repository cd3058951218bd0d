/**
 * Offline validation of the deployment files: the Dockerfile and its entry point, docker-compose.yml
 * (Compose Specification schema + our rules) and every kustomize overlay in k8s/ (rendered with
 * kubectl's built-in kustomize, each object checked against the Kubernetes schemas, plus our rules:
 * probes, limits, non-root read-only containers, every variable the apps read is set, one image).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { QUEUES } from '@clipyard/contracts';
import { APPS, appConfigKeys, looksSecret, migrateConfigKeys } from './helpers/deploy/app-config';
import { ROOT, envExampleKeys, findKubectl, readYaml, renderKustomization, type K8sObject } from './helpers/deploy/render';
import { interpolateCompose, validateCompose, validateManifest } from './helpers/deploy/validate';
import { checkWorkload, containerEnvKeys, portKeyOf } from './helpers/deploy/k8s-rules';
import { unknownFields } from './helpers/deploy/strict-fields';

const CONFIG = appConfigKeys();
const ENV_EXAMPLE = envExampleKeys();
/** The port variable of each app (GATEWAY_PORT, AUTH_HTTP_PORT, …). */
const PORT_KEY = Object.fromEntries(APPS.map((a) => [a, portKeyOf(a, CONFIG[a], migrateConfigKeys())]));
const MEDIA_QUEUES = Object.values(QUEUES).filter((q) => q.startsWith('media-'));
const COMPOSE_SECRETS = {
  POSTGRES_PASSWORD: 'p'.repeat(24),
  RPC_SECRET: 'r'.repeat(40),
  MINIO_ROOT_PASSWORD: 'm'.repeat(24),
  STORAGE_URL_SECRET: 's'.repeat(40),
  STRIPE_WEBHOOK_SECRET: 'whsec_' + 'w'.repeat(32),
  WEBHOOK_SECRET_KEYS: `1:${Buffer.alloc(32, 7).toString('base64')}`,
  ENCRYPTION_KEYS: `1:${Buffer.alloc(32, 9).toString('base64')}`,
  API_KEY_PEPPER: 'a'.repeat(40),
  SMTP_URL: 'smtp://mailer:secret@mail.example.com:587',
};

/** Compose durations such as `45s`, `17m`, `1m30s`. */
const durationSeconds = (d: string) =>
  [...String(d).matchAll(/(\d+(?:\.\d+)?)(h|m|s|ms)/g)].reduce((t, [, n, u]) => t + Number(n) * { h: 3600, m: 60, s: 1, ms: 0.001 }[u as 'h']!, 0);

/** Paths of the gateway's Nest routes, read from its controllers' decorators (health/metrics live in libs). */
function gatewayRoutes(): string[] {
  const routes: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const f = path.join(dir, e.name);
      if (e.isDirectory()) walk(f);
      else if (e.name.endsWith('.controller.ts')) {
        const src = fs.readFileSync(f, 'utf8');
        const base = /@Controller\(\s*(?:'([^']*)')?/.exec(src)?.[1] ?? '';
        for (const m of src.matchAll(/@(?:Get|Post|Put|Patch|Delete|All)\(\s*(?:'([^']*)'|([A-Z_]+))?/g)) {
          const sub = m[1] ?? (m[2] ? `${m[2]}` : '');
          routes.push('/' + [base, sub].filter(Boolean).join('/'));
        }
      }
    }
  };
  walk(path.join(ROOT, 'apps/gateway/src'));
  // constants (e.g. STRIPE_WEBHOOK_PATH) are resolved to their string value when defined in the app
  return routes.map((r) =>
    r.replace(/\b([A-Z][A-Z0-9_]+)\b/g, (name) => {
      const def = spawnSync('grep', ['-rhoE', `${name} = '[^']+'`, path.join(ROOT, 'apps/gateway/src')], { encoding: 'utf8' }).stdout;
      return /'([^']+)'/.exec(def)?.[1] ?? name;
    }),
  );
}

describe('Dockerfile', () => {
  const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
  const stages = dockerfile.split(/^FROM /m).slice(1);

  it('builds in one stage and runs from a slim, non-root stage with ffmpeg and fonts', () => {
    expect(stages).toHaveLength(2);
    const [build, runtime] = stages;
    expect(build).toMatch(/npm ci --no-audit --no-fund/); // the lock file as committed
    expect(dockerfile).toMatch(/^ARG NODE_VERSION=24$/m); // Node.js 24 LTS: node:24-bookworm(-slim)
    expect(build).toMatch(/^node:\$\{NODE_VERSION\}-bookworm AS build/);
    expect(build).toMatch(/npm run build/);
    expect(build).toMatch(/python3 make g\+\+/); // argon2 may compile from source
    expect(runtime).toMatch(/^node:\$\{NODE_VERSION\}-bookworm-slim AS runtime/);
    expect(runtime).toMatch(/apt-get install[^\n]*ffmpeg[^\n]*fonts-dejavu-core/);
    expect(runtime).not.toMatch(/g\+\+|python3/);
    const user = /^USER (\S+)/m.exec(runtime)?.[1];
    expect(user).toMatch(/^[1-9]\d*:[1-9]\d*$/); // numeric, so runAsNonRoot can verify it
  });

  // The image keeps production dependencies only (`npm prune --omit=dev`): compiled code must not need more.
  const dist = path.join(ROOT, 'dist');
  (fs.existsSync(path.join(dist, 'apps')) ? it : it.skip)('the compiled apps require production dependencies only', () => {
    const deps = new Set(Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).dependencies));
    const builtin = new Set(builtinModules);
    const missing = new Set<string>();
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const f = path.join(dir, e.name);
        if (e.isDirectory()) walk(f);
        else if (f.endsWith('.js') && !/\.(spec|int-spec|e2e-spec)\.js$/.test(f)) {
          for (const m of fs.readFileSync(f, 'utf8').matchAll(/require\("([^".][^"]*)"\)/g)) {
            const id = m[1].replace(/^node:/, '');
            const name = id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0];
            if (!builtin.has(name) && !builtin.has(id) && !deps.has(name)) missing.add(`${name} (${path.relative(ROOT, f)})`);
          }
        }
      }
    };
    walk(path.join(dist, 'apps'));
    walk(path.join(dist, 'libs'));
    expect([...missing]).toEqual([]);
  });

  (fs.existsSync(path.join(dist, 'apps')) ? it : it.skip)('the build has the files the entry point starts', () => {
    const files = [...APPS.flatMap((a) => [`dist/apps/${a}/src/main.js`, `dist/apps/${a}/src/repl.js`]), 'dist/libs/database/src/migrate.js'];
    expect(files.filter((f) => !fs.existsSync(path.join(ROOT, f)))).toEqual([]);
  });

  it('ignores local state, secrets and build output in the build context', () => {
    const ignored = fs.readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const p of ['.env', 'node_modules', 'dist', '.data', '.git', '.tools']) expect(ignored).toContain(p);
  });

  it('starts any app by entry argument or APP, runs migrations and bootstrap-admin, refuses nothing-to-run', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clipyard-entry-'));
    try {
      for (const app of APPS) {
        fs.mkdirSync(path.join(dir, 'dist/apps', app, 'src'), { recursive: true });
        fs.writeFileSync(path.join(dir, 'dist/apps', app, 'src/main.js'), `console.log('main:${app}')`);
      }
      fs.mkdirSync(path.join(dir, 'dist/libs/database/src'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'dist/libs/database/src/migrate.js'), `console.log('migrate:' + process.argv[2])`);
      fs.mkdirSync(path.join(dir, 'dist/apps/auth/src/cli'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'dist/apps/auth/src/cli/bootstrap-admin.js'), `console.log('bootstrap-admin')`);
      const entry = path.join(ROOT, 'docker/entrypoint.sh');
      const run = (args: string[], env: Record<string, string> = {}) =>
        spawnSync('sh', [entry, ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });
      for (const app of APPS) {
        expect(run([app]).stdout.trim()).toBe(`main:${app}`);
        expect(run([], { APP: app }).stdout.trim()).toBe(`main:${app}`);
      }
      expect(run(['migrate']).stdout.trim()).toBe('migrate:run');
      expect(run(['migrate', 'status']).stdout.trim()).toBe('migrate:status');
      expect(run(['bootstrap-admin']).stdout.trim()).toBe('bootstrap-admin');
      const none = run([]);
      expect(none.status).toBe(64);
      expect(none.stderr).toMatch(/usage/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('docker-compose.yml', () => {
  const raw = readYaml('docker-compose.yml');
  const compose = interpolateCompose(raw, COMPOSE_SECRETS);
  const services: Record<string, any> = compose.services;
  const appServices = [...APPS, 'migrate'];

  it('is valid against the Compose Specification schema', () => {
    expect(validateCompose(compose)).toEqual([]);
  });

  it('refuses to start without its secrets (no default secret values)', () => {
    for (const missing of Object.keys(COMPOSE_SECRETS)) {
      const env: Record<string, string> = { ...COMPOSE_SECRETS };
      delete env[missing];
      expect(() => interpolateCompose(raw, env)).toThrow(new RegExp(missing));
    }
  });

  it('its header generates every required secret (the documented first step is enough)', () => {
    const text = fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');
    const required = new Set([...text.matchAll(/\$\{([A-Z0-9_]+):?\?/g)].map((m) => m[1]));
    const header = text.split('\n').filter((l) => l.startsWith('#')).join('\n');
    const generated = new Set([
      ...[...header.matchAll(/for k in ([A-Z0-9_ ]+);/g)].flatMap((m) => m[1].trim().split(/\s+/)),
      ...[...header.matchAll(/echo "([A-Z0-9_]+)=/g)].map((m) => m[1]),
    ]);
    expect([...required].filter((k) => !generated.has(k))).toEqual([]);
    expect([...required].sort()).toEqual(Object.keys(COMPOSE_SECRETS).sort());
  });

  it('runs PostgreSQL, Redis with append-only persistence, MinIO with a bucket one-shot, and migrations', () => {
    expect(services.postgres.healthcheck.test.join(' ')).toMatch(/pg_isready/);
    expect(services.redis.command.join(' ')).toMatch(/--appendonly yes/);
    expect(services.redis.command.join(' ')).toMatch(/--maxmemory-policy noeviction/);
    expect(services['minio-init'].depends_on.minio.condition).toBe('service_healthy');
    expect(services['minio-init'].command.join(' ')).toMatch(/mc mb --ignore-existing/);
    expect(services.migrate.command).toEqual(['migrate', 'run']);
    expect(services.migrate.restart).toBe('no');
    expect(services.migrate.depends_on.postgres.condition).toBe('service_healthy');
    for (const [name, s] of Object.entries(services)) {
      for (const v of s.volumes ?? []) {
        const source = String(v).split(':')[0];
        expect({ service: name, volume: source, named: source in (compose.volumes ?? {}) }).toEqual({ service: name, volume: source, named: true });
      }
    }
  });

  it.each(APPS)('%s: one image, non-root, read-only, health-checked on its port, started after migrations', (app) => {
    const s = services[app];
    expect(s.image).toBe(services.migrate.image);
    expect(s.command).toEqual([app]);
    expect(s.user).toMatch(/^[1-9]\d*:[1-9]\d*$/);
    expect(s.read_only).toBe(true);
    expect(s.cap_drop).toEqual(['ALL']);
    expect(s.security_opt).toContain('no-new-privileges:true');
    expect(s.tmpfs.some((t: string) => t.startsWith('/tmp'))).toBe(true);
    expect(s.restart).toBe('unless-stopped');
    const port = s.environment[PORT_KEY[app]];
    expect(s.healthcheck.test.join(' ')).toContain(`http://127.0.0.1:${port}/health/ready`);
    expect(s.depends_on.migrate.condition).toBe('service_completed_successfully');
    const grace = Number(s.environment.SHUTDOWN_GRACE_S);
    expect(durationSeconds(s.stop_grace_period)).toBeGreaterThan(grace);
    if (CONFIG[app].includes('JOB_TIMEOUT_S')) expect(grace).toBeGreaterThanOrEqual(Number(s.environment.JOB_TIMEOUT_S));
    expect(s.depends_on.postgres.condition).toBe('service_healthy');
    expect(s.depends_on.redis.condition).toBe('service_healthy');
  });

  it.each(appServices)('%s: sets every variable its config schema reads and every one of .env.example', (name) => {
    const env = Object.keys(services[name].environment ?? {});
    const reads = name === 'migrate' ? migrateConfigKeys() : CONFIG[name];
    expect({ service: name, missing: reads.filter((k) => !env.includes(k)) }).toEqual({ service: name, missing: [] });
    expect({ service: name, missingFromEnvExample: ENV_EXAMPLE.filter((k) => !env.includes(k)) }).toEqual({
      service: name,
      missingFromEnvExample: [],
    });
  });

  it('loads a copy of .env.example as written: an inline comment is never part of a value', () => {
    // npm start, npm test and the scripts read .env through scripts/lib/provision.js (dotenv's parser)
    const { parseEnvFile } = require('../scripts/lib/provision') as { parseEnvFile: (text: string) => Record<string, string> };
    const parsed = parseEnvFile(fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8'));
    expect(Object.keys(parsed).sort()).toEqual([...envExampleKeys()].sort());
    expect(parsed).toMatchObject({ NODE_ENV: 'development', LOG_LEVEL: 'info', REDIS_PREFIX: 'cy', RPC_TIMEOUT_MS: '5000' });
    for (const [k, v] of Object.entries(parsed)) expect(`${k}=${v}`).not.toMatch(/\s#/);
  });

  it('documents in .env.example every variable an app reads', () => {
    const undocumented = Object.entries(CONFIG).flatMap(([app, keys]) => keys.filter((k) => !ENV_EXAMPLE.includes(k)).map((k) => `${k} (${app})`));
    expect(undocumented).toEqual([]);
  });

  it('gives no secret a default value (optional ones may default to empty)', () => {
    const env = raw['x-clipyard-env'] as Record<string, string>;
    const withDefault = Object.entries(env)
      .filter(([k]) => looksSecret(k))
      .filter(([, v]) => /\$\{[A-Z_]+:?-[^}]/.test(String(v)))
      .map(([k]) => k);
    expect(withDefault).toEqual([]);
  });

  const dockerCompose = spawnSync('sh', ['-c', 'command -v docker-compose'], { encoding: 'utf8' }).stdout.trim();
  (dockerCompose ? it : it.skip)('passes `docker-compose config -q` (when docker-compose is installed)', () => {
    execFileSync(dockerCompose, ['-f', path.join(ROOT, 'docker-compose.yml'), 'config', '-q'], {
      env: { ...process.env, ...COMPOSE_SECRETS },
      stdio: 'pipe',
    });
  });
});

const kubectl = findKubectl();
if (!kubectl.bin) {
  // Loud on purpose: the k8s checks are part of `npm test`; .ci/run fetches kubectl when missing.
  console.warn(
    `\n${'!'.repeat(78)}\n!! SKIPPING the Kubernetes manifest checks: no kubectl with kustomize here and\n` +
      `!! none could be fetched (${kubectl.reason}).\n!! Run: sh scripts/kubectl-tool.sh\n${'!'.repeat(78)}\n`,
  );
}

describe.each(['dev', 'prod'])('k8s/overlays/%s', (overlay) => {
  const run = kubectl.bin ? it : it.skip;
  let objs: K8sObject[] = [];
  const byKind = (kind: string) => objs.filter((o) => o.kind === kind);
  const find = (kind: string, name: string) => objs.find((o) => o.kind === kind && o.metadata.name === name);
  const appDeployments = () => byKind('Deployment').filter((d) => APPS.includes(d.metadata.name));
  const kustomization = readYaml(`k8s/overlays/${overlay}/kustomization.yaml`);
  /** Keys the Secret `clipyard-secrets` must hold (prod: created by the operator from the template). */
  const templateKeys = Object.keys(readYaml('k8s/base/secret.template.yaml').stringData);

  beforeAll(() => {
    if (kubectl.bin) objs = renderKustomization(kubectl.bin, `k8s/overlays/${overlay}`);
  });

  run('renders, and every object is valid against the Kubernetes (or KEDA) schema', () => {
    expect(objs.length).toBeGreaterThan(10);
    expect(objs.flatMap(validateManifest)).toEqual([]);
  });

  run('has no unknown (misspelt) fields, which the schemas above let through', () => {
    expect(unknownFields(objs)).toEqual([]);
  });

  run('puts everything in the overlay namespace', () => {
    const ns = kustomization.namespace;
    expect(byKind('Namespace').map((n) => n.metadata.name)).toEqual([ns]);
    for (const o of objs.filter((x) => x.kind !== 'Namespace')) expect(`${o.kind}/${o.metadata.name}:${o.metadata.namespace}`).toBe(`${o.kind}/${o.metadata.name}:${ns}`);
  });

  run('has a Deployment, Service and PodDisruptionBudget per app', () => {
    expect(appDeployments().map((d) => d.metadata.name).sort()).toEqual(APPS);
    for (const app of APPS) {
      expect(find('Service', app)).toBeDefined();
      expect(find('PodDisruptionBudget', app)?.spec.selector.matchLabels['app.kubernetes.io/name']).toBe(app);
    }
  });

  run('every workload has probes, requests and limits, and a non-root, read-only, unprivileged container', () => {
    const workloads = objs.filter((o) => ['Deployment', 'StatefulSet', 'Job'].includes(o.kind));
    expect(workloads.flatMap((w) => checkWorkload(w))).toEqual([]);
  });

  run('app containers probe /health/live and /health/ready on the port their config names, with /tmp scratch space', () => {
    const config = find('ConfigMap', 'clipyard-config')!.data as Record<string, string>;
    for (const d of appDeployments()) {
      const app = d.metadata.name;
      const pod = d.spec.template.spec;
      const c = pod.containers[0];
      const port = Number(config[PORT_KEY[app]]);
      expect({ app, port: c.ports.find((p: any) => p.name === 'http')?.containerPort }).toEqual({ app, port });
      expect(c.livenessProbe.httpGet.path).toBe('/health/live');
      expect(c.readinessProbe.httpGet.path).toBe('/health/ready');
      expect(c.args).toEqual([app]);
      const tmp = c.volumeMounts.find((m: any) => m.mountPath === '/tmp');
      expect(pod.volumes.find((v: any) => v.name === tmp?.name)?.emptyDir).toBeDefined();
      // a SIGTERM waits SHUTDOWN_GRACE_S for in-flight work: the pod must be given longer
      const grace = Number(c.env?.find((e: any) => e.name === 'SHUTDOWN_GRACE_S')?.value ?? config.SHUTDOWN_GRACE_S);
      expect({ app, longer: pod.terminationGracePeriodSeconds > grace }).toEqual({ app, longer: true });
      // the worker's drain must outlast the longest job it may be running
      if (CONFIG[app].includes('JOB_TIMEOUT_S')) expect({ app, grace }).toEqual({ app, grace: Math.max(grace, Number(config.JOB_TIMEOUT_S)) });
    }
  });

  run('sets every variable each app reads (ConfigMap + Secret), and nothing secret in the ConfigMap', () => {
    const secretKeys = (name: string): string[] => {
      const rendered = find('Secret', name);
      if (rendered) return Object.keys({ ...rendered.data, ...rendered.stringData });
      return name === 'clipyard-secrets' ? templateKeys : [];
    };
    const configMapKeys = (name: string) => Object.keys(find('ConfigMap', name)?.data ?? {});
    for (const d of appDeployments()) {
      const app = d.metadata.name;
      const provided = containerEnvKeys(d.spec.template.spec.containers[0], configMapKeys, secretKeys);
      expect({ app, missing: CONFIG[app].filter((k) => !provided.includes(k)) }).toEqual({ app, missing: [] });
    }
    const job = find('Job', 'clipyard-migrate')!;
    const jobEnv = containerEnvKeys(job.spec.template.spec.containers[0], configMapKeys, secretKeys);
    expect(migrateConfigKeys().filter((k) => !jobEnv.includes(k))).toEqual([]);
    const config = find('ConfigMap', 'clipyard-config')!.data;
    expect(Object.keys(config).filter(looksSecret)).toEqual([]);
    // every documented variable is provided one way or the other
    const all = [...Object.keys(config), ...templateKeys];
    expect(ENV_EXAMPLE.filter((k) => !all.includes(k))).toEqual([]);
  });

  run('the Secret: rendered from the template keys (dev) or left to the operator (prod)', () => {
    const secrets = byKind('Secret');
    if (overlay === 'prod') {
      expect(secrets).toEqual([]);
    } else {
      const keys = Object.keys(secrets[0].data);
      expect(templateKeys.filter((k) => !keys.includes(k))).toEqual([]);
    }
  });

  run('one image for every app and the migrations, the one the overlay names', () => {
    const [img] = kustomization.images;
    const expected = `${img.newName}:${img.newTag}`;
    const images = [...appDeployments(), find('Job', 'clipyard-migrate')!].flatMap((w) =>
      w.spec.template.spec.containers.map((c: any) => c.image),
    );
    expect(new Set(images)).toEqual(new Set([expected]));
    expect(find('Job', 'clipyard-migrate')!.spec.template.spec.containers[0].args).toEqual(['migrate', 'run']);
  });

  run('exposes only the gateway through the Ingress, and not its /health or /metrics', () => {
    const ingresses = byKind('Ingress');
    expect(ingresses).toHaveLength(1);
    const paths = ingresses[0].spec.rules.flatMap((r: any) => r.http.paths);
    expect(new Set(paths.map((p: any) => p.backend.service.name))).toEqual(new Set(['gateway']));
    // `/` only as Exact (the dashboard's home), which opens no other path
    expect(paths.filter((p: any) => (p.path === '/' && p.pathType !== 'Exact') || /health|metrics/.test(p.path)).map((p: any) => p.path)).toEqual([]);
    // every public gateway route is reachable through one of them
    const prefixes: string[] = paths.map((p: any) => p.path as string);
    const inClusterOnly = (r: string) => /^\/(health|metrics)(\/|$)/.test(r); // probes, Prometheus, KEDA
    const uncovered = gatewayRoutes().filter((r) => !inClusterOnly(r)).filter((r) => !prefixes.some((p) => r === p || r.startsWith(p.endsWith('/') ? p : `${p}/`)));
    expect(uncovered).toEqual([]);
  });

  run('scales the gateway on CPU and the media worker on the true backlog of every media queue (KEDA or HPA fallback)', () => {
    const gw = byKind('HorizontalPodAutoscaler').find((h) => h.spec.scaleTargetRef.name === 'gateway')!;
    expect(gw.spec.metrics[0].resource.name).toBe('cpu');
    const so = byKind('ScaledObject').find((s) => s.spec.scaleTargetRef.name === 'media-worker');
    const hpa = byKind('HorizontalPodAutoscaler').find((h) => h.spec.scaleTargetRef.name === 'media-worker');
    expect(Number(!!so) + Number(!!hpa)).toBe(1);
    if (so) {
      // KEDA reads the gateway's /metrics/queue-backlog (wait + prioritized) for each media queue
      const namespace = kustomization.namespace;
      const api = so.spec.triggers.filter((t: any) => t.type === 'metrics-api');
      expect(new Set(api.map((t: any) => t.metadata.url))).toEqual(new Set([`http://gateway.${namespace}.svc/metrics/queue-backlog`]));
      expect(api.map((t: any) => t.metadata.valueLocation).sort()).toEqual(MEDIA_QUEUES.map((q) => `queues.${q}.backlog`).sort());
      expect(so.spec.triggers.filter((t: any) => t.type === 'redis')).toEqual([]); // never the wait list alone
      expect(so.spec.minReplicaCount).toBeGreaterThanOrEqual(1); // it answers rpc-media pings
      expect(so.spec.fallback.replicas).toBeGreaterThanOrEqual(1);
    } else if (hpa) {
      // the HPA reads the same figure (clipyard_queue_backlog through prometheus-adapter), and CPU
      const queues = hpa.spec.metrics.filter((m: any) => m.type === 'External' && m.external.metric.name === 'clipyard_queue_backlog');
      expect(queues.map((m: any) => m.external.metric.selector.matchLabels.queue).sort()).toEqual([...MEDIA_QUEUES].sort());
      expect(hpa.spec.metrics.some((m: any) => m.type === 'Resource' && m.resource.name === 'cpu')).toBe(true);
    }
  });

  run('fits the PostgreSQL connection budget at full scale-out (every replica × its pool, plus the migrations Job)', () => {
    const config = find('ConfigMap', 'clipyard-config')!.data as Record<string, string>;
    const maxReplicas = (name: string, d: K8sObject) =>
      byKind('HorizontalPodAutoscaler').find((h) => h.spec.scaleTargetRef.name === name)?.spec.maxReplicas ??
      byKind('ScaledObject').find((s) => s.spec.scaleTargetRef.name === name)?.spec.maxReplicaCount ??
      d.spec.replicas ??
      1;
    const perApp = appDeployments()
      // the apps that open a pool (the media worker owns no table and never connects)
      .filter((d) => fs.readFileSync(path.join(ROOT, `apps/${d.metadata.name}/src/app.module.ts`), 'utf8').includes('TypeOrmModule'))
      .map((d) => {
        const c = d.spec.template.spec.containers[0];
        const pool = Number(c.env?.find((e: any) => e.name === 'DATABASE_POOL_SIZE')?.value ?? config.DATABASE_POOL_SIZE);
        return { app: d.metadata.name, connections: maxReplicas(d.metadata.name, d) * pool };
      });
    const total = perApp.reduce((n, a) => n + a.connections, 0) + 2; // migrate: pool of 2
    // dev: the in-namespace PostgreSQL's default max_connections (100, 3 reserved);
    // prod: the budget the README's capacity section asks of the managed server (or PgBouncer)
    const budget = overlay === 'dev' ? 97 : 160;
    expect({ total, perApp, budget }).toEqual({ total: Math.min(total, budget), perApp, budget });
  });

  run('denies traffic by default and lets only the gateway take it from outside', () => {
    const policies = byKind('NetworkPolicy');
    const deny = policies.find((p) => Object.keys(p.spec.podSelector).length === 0 && !p.spec.ingress && !p.spec.egress);
    expect(deny?.spec.policyTypes.sort()).toEqual(['Egress', 'Ingress']);
    const openIngress = policies.filter((p) => (p.spec.ingress ?? []).some((r: any) => !r.from));
    expect(openIngress.map((p) => p.spec.podSelector.matchLabels?.['app.kubernetes.io/name'])).toEqual(['gateway']);
  });
});

describe('kustomizations', () => {
  const files = (dir: string): string[] =>
    fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(path.join(dir, e.name)) : e.name === 'kustomization.yaml' ? [path.join(dir, e.name)] : [],
    );

  it('use no field kustomize deprecates (bases, commonLabels, patchesStrategicMerge, patchesJson6902)', () => {
    const deprecated = ['bases', 'commonLabels', 'patchesStrategicMerge', 'patchesJson6902', 'vars'];
    const found = files('k8s').flatMap((f) => Object.keys(readYaml(f) ?? {}).filter((k) => deprecated.includes(k)).map((k) => `${f}: ${k}`));
    expect(found).toEqual([]);
  });
});
