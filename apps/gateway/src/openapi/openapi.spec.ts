import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateClientFiles, type ClientFiles } from './generate';

const ROOT = resolve(__dirname, '../../../..');
const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];

/** The committed copy (git's index, so a fresh clone and `git add` both count); the file itself without git. */
function committed(rel: string): string | null {
  const r = spawnSync('git', ['show', `:libs/client/${rel}`], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status === 0) return r.stdout;
  try {
    return readFileSync(join(ROOT, 'libs/client', rel), 'utf8');
  } catch {
    return null;
  }
}

describe('the gateway OpenAPI description and libs/client', () => {
  let files: ClientFiles;
  let doc: any;
  beforeAll(async () => {
    files = await generateClientFiles();
    doc = JSON.parse(files['openapi.json']);
  }, 120_000);

  it('describes every route completely: operationId, summary, security, a 2xx and its error responses', () => {
    const problems: string[] = [];
    const ids = new Set<string>();
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        if (!HTTP_METHODS.includes(method)) continue;
        const where = `${method.toUpperCase()} ${path}`;
        if (op['x-undocumented']) {
          problems.push(`${where}: no @ApiRoute (see README, "Documenting a route")`);
          continue;
        }
        if (!/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/.test(op.operationId)) problems.push(`${where}: operationId ${op.operationId} is not area.verbThing`);
        if (ids.has(op.operationId)) problems.push(`${where}: duplicate operationId ${op.operationId}`);
        ids.add(op.operationId);
        if (!op.summary) problems.push(`${where}: no summary`);
        if (!Array.isArray(op.security)) problems.push(`${where}: no security requirement`);
        const statuses = Object.keys(op.responses ?? {});
        const ok = statuses.filter((s) => /^[23]/.test(s));
        if (!ok.length) problems.push(`${where}: no success response`);
        for (const s of ok) {
          const r = op.responses[s];
          // A redirect (the social sign-in dance) has a Location and no body.
          if (s !== '204' && s !== '304' && !/^30[1278]$/.test(s) && !r.content) problems.push(`${where}: ${s} has no body schema`);
          if (/^30[1278]$/.test(s) && !r.headers?.Location) problems.push(`${where}: ${s} documents no Location`);
        }
        for (const s of statuses.filter((x) => /^[45]/.test(x))) {
          const schema = op.responses[s].content?.['application/json']?.schema;
          if (!JSON.stringify(schema ?? {}).includes('#/components/schemas/Error')) problems.push(`${where}: ${s} is not the error envelope`);
        }
        if (!statuses.includes('500')) problems.push(`${where}: no 500`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('passes `redocly lint` (recommended rules) with no error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clipyard-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, files['openapi.json']);
      const r = spawnSync(join(ROOT, 'node_modules/.bin/redocly'), ['lint', file, '--config', join(ROOT, 'redocly.yaml'), '--format=json'], {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 64 << 20,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      });
      const out = r.stdout.slice(r.stdout.indexOf('{'));
      const report = JSON.parse(out) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[] };
      const errors = report.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
      expect(errors).toEqual([]);
      expect(report.totals.errors).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('libs/client is generated from the current routes (else run `npm run openapi` and commit libs/client)', () => {
    for (const rel of Object.keys(files) as (keyof ClientFiles)[]) {
      const have = committed(rel);
      if (have !== files[rel]) {
        const fresh = join(tmpdir(), `clipyard-fresh-${rel.replace(/\W/g, '_')}`);
        writeFileSync(fresh, files[rel]);
        const diff = spawnSync('git', ['diff', '--no-index', '--stat', '--', join(ROOT, 'libs/client', rel), fresh], { encoding: 'utf8' }).stdout;
        throw new Error(`libs/client/${rel} is not what the routes generate: run \`npm run openapi\` and commit libs/client\n${diff}`);
      }
    }
  });
});
