import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { strongPassword } from '../../test/helpers/users';
import { json } from './load';
import { rawPickup, rawPickupAcross } from './raw-bullmq';
import { createScratchCopies, dropScratchCopies, rowsOf, type Query } from './scratch-tables';
import { goalRow, report, summarize } from './stats';

type Env = Record<string, string | undefined>;

type Stamps = Record<string, number>;

/**
 * The stage stamps the apps log with JOB_STAGE_LOG (monotonic ns): the gateway's `job stages`
 * line (insert, committed, add, added) and the worker's `media job started` (received, handler,
 * started), by job id. Fed every raw log line of the apps; keeps the first attempt's.
 */
export class StageLines {
  readonly gateway = new Map<string, Stamps>();
  readonly worker = new Map<string, Stamps>();

  take(line: string): void {
    if (!line.includes('"stages"')) return;
    let o: { jobId?: string; msg?: string; stages?: Stamps; attempt?: number };
    try {
      o = JSON.parse(line);
    } catch {
      return;
    }
    if (!o.jobId || !o.stages) return;
    if (o.msg === 'job stages') this.gateway.set(o.jobId, o.stages);
    else if (o.msg === 'media job started' && (o.attempt ?? 1) === 1) this.worker.set(o.jobId, o.stages);
  }
}

/** Between two stamps of a job (ms, µs resolution); NaN when either is missing. */
const span = (a: number | undefined, b: number | undefined): number => (a === undefined || b === undefined ? NaN : (b - a) / 1e6);

/**
 * Per-stage figures of the jobs `ids` from their stamps (ms): the pickup from the gateway sending
 * the insert to the worker's handler start, and the stages between. Undefined when the apps logged
 * none (JOB_STAGE_LOG unknown to them: an older BENCH_DIST_ROOT).
 */
export function stageFigures(lines: StageLines, ids: string[]) {
  const rows = ids.map((id) => ({ g: lines.gateway.get(id), w: lines.worker.get(id) })).filter((r) => r.g && r.w) as Array<{ g: Stamps; w: Stamps }>;
  if (!rows.length) return undefined;
  const of = (f: (r: { g: Stamps; w: Stamps }) => number) => summarize(rows.map(f).filter((x) => !Number.isNaN(x)));
  return {
    pickup: of((r) => span(r.g.insert, r.w.handler)),
    insert: of((r) => span(r.g.insert, r.g.committed)),
    commitToAdd: of((r) => span(r.g.committed, r.g.add)),
    addRtt: of((r) => span(r.g.add, r.g.added)),
    addToHandler: of((r) => span(r.g.add, r.w.handler)),
    addToReceived: of((r) => span(r.g.add, r.w.received)),
    receivedToHandler: of((r) => span(r.w.received, r.w.handler)),
    handlerToStarted: of((r) => span(r.w.handler, r.w.started)),
  };
}

/**
 * Moves the bench's user to premium (no monthly trim count, no concurrency cap in the way of
 * `rounds` trims) the way an operator would: the first admin made by the same CLI `npm start` runs
 * (`bootstrap-admin`, on the bench's fresh database), then `PUT /v1/admin/users/{id}/plan`.
 */
async function makePremium(base: string, env: Env, root: string, userApiKey: string): Promise<void> {
  const r = spawnSync(process.execPath, [path.join(root, 'dist/apps/auth/src/cli/bootstrap-admin.js')], {
    cwd: root,
    env: { ...env, LOG_LEVEL: 'warn', ADMIN_EMAIL: `bench-admin-${Date.now()}@example.test`, ADMIN_PASSWORD: strongPassword() },
    encoding: 'utf8',
  });
  const adminKey = /API key\s+(\S+)/.exec(r.stdout ?? '')?.[1];
  if (r.status !== 0 || !adminKey) throw new Error(`bootstrap-admin: ${r.status} ${r.stdout} ${r.stderr}`);
  const me = await json('GET', `${base}/v1/auth/me`, undefined, { 'x-api-key': userApiKey });
  const userId: string | undefined = me.body?.id ?? me.body?.user_id;
  if (me.status !== 200 || !userId) throw new Error(`me: ${me.status} ${JSON.stringify(me.body)}`);
  const plan = await json('PUT', `${base}/v1/admin/users/${userId}/plan`, { plan: 'premium' }, { 'x-api-key': adminKey });
  if (plan.status !== 200) throw new Error(`set plan: ${plan.status} ${JSON.stringify(plan.body)}`);
}

/**
 * Job pickup as deployed (`jobs.created_at` → the worker's `started_at`, gateway and media worker
 * in processes of their own): `rounds` fast trims one after another, each polled to its end, against
 * bare BullMQ add → start and the job row's insert alone, measured in the same run. The same
 * figures as the in-process bench (`jobs-polling`), without four apps sharing one event loop.
 */
export async function pickupAsDeployed(o: { base: string; env: Env; root: string; apiKey: string; uploadId: string; rounds?: number; stages?: StageLines }): Promise<void> {
  // BENCH_PICKUP_ROUNDS: more trims (and as many bare adds and inserts) for a steadier mean
  const rounds = o.rounds ?? Number(process.env.BENCH_PICKUP_ROUNDS ?? 20);
  await makePremium(o.base, o.env, o.root, o.apiKey);
  const db = new Client({ connectionString: o.env.DATABASE_URL });
  await db.connect();
  try {
    const pickup: number[] = [];
    const ids: string[] = [];
    let lastId = '';
    for (let i = 0; i < rounds + 2; i++) {
      const job = await json('POST', `${o.base}/v1/jobs/trim`, { input: { upload_id: o.uploadId }, start: 2, end: 6, mode: 'fast' }, { 'x-api-key': o.apiKey });
      if (job.status !== 202) throw new Error(`submit: ${job.status} ${JSON.stringify(job.body)}`);
      lastId = job.body.id;
      for (let n = 0; ; n++) {
        const view = await json('GET', `${o.base}/v1/jobs/${lastId}`, undefined, { 'x-api-key': o.apiKey });
        if (view.body?.status === 'completed') break;
        if (view.body?.status === 'failed' || n > 6000) throw new Error(`trim: ${JSON.stringify(view.body)}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      const { rows } = await db.query(`SELECT extract(epoch FROM started_at - created_at) * 1000 AS ms FROM jobs WHERE id = $1`, [lastId]);
      if (i >= 2) pickup.push(Number(rows[0].ms));
      if (i >= 2) ids.push(lastId);
    }
    const insert = await insertAlone(rowsOf(db), lastId, rounds);
    const raw = await rawPickup(rounds);
    const across = await rawPickupAcross(rounds);
    const pk = summarize(pickup);
    report('Job pickup as deployed: jobs.created_at → worker start (ms; created_at and started_at are whole ms, the mean is the finer figure)', [
      { what: 'pickup (gateway and media worker in their own processes)', n: pk.n, p50: pk.p50, p99: pk.p99, mean: pk.mean },
      { what: 'bare BullMQ worker, add → handler start', n: raw.n, p50: raw.p50, p99: raw.p99, mean: raw.mean },
      { what: 'bare BullMQ, worker in another process', n: across.n, p50: across.p50, p99: across.p99, mean: across.mean },
      { what: 'the row insert alone (a copy of jobs)', n: insert.n, p50: insert.p50, p99: insert.p99, mean: insert.mean },
      { what: 'floor: row insert + bare add → start', n: 0, p50: insert.p50 + raw.p50, p99: NaN, mean: insert.mean + raw.mean },
      { what: 'floor, worker in another process', n: 0, p50: insert.p50 + across.p50, p99: NaN, mean: insert.mean + across.mean },
    ]);
    // the apps' log lines are piped through this process: the last job's are in by now, or very soon
    await new Promise((r) => setTimeout(r, 100));
    const st = o.stages ? stageFigures(o.stages, ids) : undefined;
    if (st) {
      const row = (what: string, f: ReturnType<typeof summarize>) => ({ what, n: f.n, p50: f.p50, p99: f.p99, mean: f.mean });
      report('Job pickup by stage: monotonic stamps of the gateway and the media worker (JOB_STAGE_LOG; ms, µs resolution), beside bare BullMQ', [
        row('pickup: gateway sends the insert → worker handler start', st.pickup),
        row('  insert (sent → committed, returned)', st.insert),
        row('  committed → add called', st.commitToAdd),
        row('  add called → worker handler start', st.addToHandler),
        row('    add called → worker has the job (BullMQ handed it over)', st.addToReceived),
        row('    worker has the job → handler start (payload validated)', st.receivedToHandler),
        row('  (add called → add resolved, the gateway)', st.addRtt),
        row('  (handler start → job.started sent)', st.handlerToStarted),
        row('bare BullMQ, worker in another process: add → handler start', across),
        row('  (bare add → add resolved)', across.add),
        row('the row insert alone (a copy of jobs)', insert),
        { what: 'floor: row insert + bare add → start, worker in another process', n: 0, p50: insert.p50 + across.p50, p99: NaN, mean: insert.mean + across.mean },
        { what: 'above the floor (pickup − floor)', n: 0, p50: st.pickup.p50 - insert.p50 - across.p50, p99: NaN, mean: st.pickup.mean - insert.mean - across.mean },
      ]);
      goalRow({
        path: 'job pickup as deployed (gateway insert sent -> worker handler start, monotonic us stamps) vs bare BullMQ add -> handler start, worker in another process',
        measured: `p50 ${st.pickup.p50.toFixed(2)} ms (mean ${st.pickup.mean.toFixed(2)}, ${(st.pickup.mean / across.mean).toFixed(2)}x the bare mean; jobs rows: p50 ${pk.p50.toFixed(1)}, mean ${pk.mean.toFixed(2)})`,
        anchor: `p50 ${across.p50.toFixed(2)} ms (mean ${across.mean.toFixed(2)}; in one process p50 ${raw.p50.toFixed(2)}); floor with the row insert p50 ${(insert.p50 + across.p50).toFixed(2)}, mean ${(insert.mean + across.mean).toFixed(2)} ms`,
        ratio: st.pickup.p50 / across.p50,
        goal: '<= 2 (p50 <= 4 ms)',
      });
      return;
    }
    // without stamps (apps of an older BENCH_DIST_ROOT): the jobs rows' whole ms
    // the anchor as deployed: bare BullMQ with its worker in another process (in one process: printed beside it)
    goalRow({
      path: 'job pickup as deployed (jobs.created_at -> worker start) vs bare BullMQ add -> start, worker in another process',
      measured: `p50 ${pk.p50.toFixed(1)} ms (mean ${pk.mean.toFixed(2)}, ${(pk.mean / across.mean).toFixed(2)}x the bare mean)`,
      anchor: `p50 ${across.p50.toFixed(2)} ms (mean ${across.mean.toFixed(2)}; in one process p50 ${raw.p50.toFixed(2)}); floor with the row insert ${(insert.mean + across.mean).toFixed(2)} ms mean`,
      ratio: pk.p50 / across.p50,
      goal: '<= 2 (p50 <= 4 ms)',
    });
  } finally {
    await db.end();
  }
}

const INSERT_COPY = { bench_pickup_jobs: 'jobs' };

/**
 * The part of pickup before the enqueue: the gateway inserts the job row (autocommit, its WAL flush
 * included) and only then adds the BullMQ job. Timed on a copy of `jobs` (same columns, defaults,
 * indexes and foreign keys) with the values of job `jobId`, `rounds` times.
 */
export async function insertAlone(query: Query, jobId: string, rounds: number): Promise<ReturnType<typeof summarize>> {
  await createScratchCopies(query, INSERT_COPY);
  try {
    const [j] = await query('SELECT user_id, type, params, input, upload_id, priority, reservation_id FROM jobs WHERE id = $1', [jobId]);
    const out: number[] = [];
    for (let i = 0; i < rounds + 2; i++) {
      const t0 = performance.now();
      await query(
        `INSERT INTO bench_pickup_jobs (id, user_id, type, params, input, upload_id, priority, reservation_id, ai_provider, ai_model)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, NULL, NULL) RETURNING *`,
        [j.user_id, j.type, j.params, j.input, j.upload_id, j.priority, j.reservation_id],
      );
      if (i >= 2) out.push(performance.now() - t0);
    }
    return summarize(out);
  } finally {
    await dropScratchCopies(query, INSERT_COPY);
  }
}
