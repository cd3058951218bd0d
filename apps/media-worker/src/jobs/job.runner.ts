import path from 'node:path';
import { UnrecoverableError, type Job } from 'bullmq';
import type { Logger } from 'pino';
import { AppError, MEDIA_JOBS, mediaJobPayloadSchema, type JobOutput, type MediaJobName, type MediaJobPayload, type MediaQueue } from '@clipyard/contracts';
import { MediaAbortedError, MediaError } from '@clipyard/media';
import type { RpcClient } from '@clipyard/queue';
import { monotonicNs, type Metrics } from '@clipyard/observability';
import { storageKey, storagePrefix, type Storage } from '@clipyard/storage';
import { CANCELED, type CancelListener } from './cancel.listener';
import type { InputResolver } from './input.resolver';
import type { JobEvents } from './job-events';
import type { JobProcessor } from './processor';
import type { TempDirs } from './temp-dirs';

export interface RunnerSettings {
  timeoutMs: number;
  progressIntervalMs: number;
  /** JOB_STAGE_LOG (bench only): the `media job started` line carries the job's stage stamps. */
  stageLog?: boolean;
}

interface Failure {
  code: string;
  message: string;
  retryable: boolean;
}

/** Codes whose failure will not change on another attempt. */
const FINAL_CODES = new Set(['VALIDATION_FAILED', 'INPUT_NOT_FOUND', 'URL_FORBIDDEN', 'INPUT_TOO_LARGE', 'UNSUPPORTED_MEDIA', 'TRIM_OUT_OF_RANGE', 'JOB_TIMEOUT']);

/**
 * The life of one media job around its processor: job.started, throttled job.progress, a temp
 * folder removed in every outcome, outputs stored under `users/{userId}/outputs/{yyyy-mm}/{jobId}/`,
 * then usage and job.completed. Bad input fails at once (UnrecoverableError); other errors are
 * retried by BullMQ's policy, and only the final failure emits job.failed and releases quota.
 * A canceled job stops, removes what it wrote and releases its reservation, silently.
 */
export class JobRunner {
  constructor(
    private readonly storage: Storage,
    private readonly events: JobEvents,
    private readonly rpc: RpcClient,
    private readonly inputs: InputResolver,
    private readonly cancels: CancelListener,
    private readonly temps: TempDirs,
    private readonly settings: RunnerSettings,
    private readonly logger: Logger,
    private readonly metrics?: Metrics,
  ) {}

  private observe(type: string, outcome: 'completed' | 'failed' | 'retried' | 'canceled', startedAt: number): void {
    this.metrics?.jobDuration.observe({ type, outcome }, (Date.now() - startedAt) / 1000);
  }

  /**
   * Runs `process` (a processor's `@Handle` method) on a payload already validated against its
   * contract; `receivedAt` (monotonicNs, with JOB_STAGE_LOG) is when BullMQ handed the job over.
   */
  async run(queue: MediaQueue, job: Job, payload: MediaJobPayload, process: JobProcessor['process'], receivedAt?: number): Promise<Record<string, unknown>> {
    // the moment the worker took the job (its payload already validated): before the bookkeeping
    const startedAt = Date.now();
    const handlerAt = this.settings.stageLog ? monotonicNs() : 0;
    const jobName = payload.name;
    const who = { jobId: payload.jobId, userId: payload.userId };
    const log = this.logger.child({ jobId: who.jobId, queue, attempt: job.attemptsMade + 1 });
    const ac = this.cancels.register(who.jobId);
    const at = new Date(job.timestamp);
    let workDir: string | undefined;
    let inputBytes = 0;
    const progress = this.progressReporter(who);
    try {
      // job.started (the moment the worker took the job) goes out while the temp folder is made
      const started = this.events.started(who, job.attemptsMade + 1, new Date(startedAt));
      workDir = await this.temps.create(who.jobId).catch(async (err: unknown) => {
        await started.catch(() => undefined);
        throw err;
      });
      await started;
      if (this.settings.stageLog) log.info({ stages: { ...(receivedAt ? { received: receivedAt } : {}), handler: handlerAt, started: monotonicNs() } }, 'media job started');
      else log.info('media job started');
      const dir = workDir;
      const res = await process({
        job,
        payload,
        workDir: dir,
        signal: ac.signal,
        timeoutMs: this.settings.timeoutMs,
        progress,
        logger: log,
        fetchInput: async (input, maxBytes, maxMediaSeconds) => {
          const got = await this.inputs.fetch(input, { userId: who.userId, workDir: dir, signal: ac.signal, maxBytes, maxMediaSeconds });
          inputBytes = got.bytes;
          return got;
        },
        openInput: async (input, maxBytes, maxMediaSeconds) => {
          // the URL outlives the job's ffmpeg time limit, so a seek late in a long run still reads
          // (S3 signs for 7 days at most; a longer run's late request is a retryable 403)
          const expiresInS = Math.min(7 * 24 * 3600, Math.ceil(this.settings.timeoutMs / 1000) + 300);
          const got = await this.inputs.open(input, { userId: who.userId, workDir: dir, signal: ac.signal, maxBytes, maxMediaSeconds, expiresInS });
          const bytes = got.bytes.then((n) => (inputBytes = n));
          bytes.catch(() => undefined);
          return { source: got.source, bytes };
        },
      });
      if (ac.signal.aborted) throw new MediaAbortedError();
      const outputs: JobOutput[] = [];
      for (const o of res.outputs) {
        const key = storageKey({ userId: who.userId, area: 'outputs', id: who.jobId, name: o.name, at });
        // an output in the job's temp folder (removed afterwards anyway) is moved, not copied
        const { size } = await this.storage.putFile(key, o.file, { contentType: o.contentType, move: isInside(o.file, dir) });
        outputs.push({ name: o.name, key, contentType: o.contentType, size });
      }
      if (ac.signal.aborted) throw new MediaAbortedError();
      const processingMs = Date.now() - startedAt;
      await this.events.usage(who, {
        action: MEDIA_JOBS[jobName].action,
        units: res.usage.units ?? 1,
        mediaSeconds: Math.max(0, res.usage.mediaSeconds),
        inputBytes,
        outputBytes: outputs.reduce((n, o) => n + o.size, 0),
        processingMs,
        template: res.usage.template,
        customOverrides: res.usage.customOverrides,
        subtitleMinutes: res.usage.subtitleMinutes ?? 0,
        trimJobs: res.usage.trimJobs ?? 0,
        inputTokens: res.usage.inputTokens ?? 0,
        outputTokens: res.usage.outputTokens ?? 0,
        aiProvider: res.usage.aiProvider,
        aiModel: res.usage.aiModel,
      });
      await this.events.completed(who, outputs, { ...res.result, processing_ms: processingMs });
      log.info({ processingMs, outputs: outputs.length }, 'media job completed');
      this.observe(jobName, 'completed', startedAt);
      return { outputs: outputs.map((o) => o.key) };
    } catch (err) {
      progress.stop();
      if (ac.signal.aborted && ac.signal.reason === CANCELED) {
        await this.cleanupOutputs(who, at, log);
        await this.release(who, 'canceled', log);
        log.info('media job canceled');
        this.observe(jobName, 'canceled', startedAt);
        throw new UnrecoverableError('CANCELED: the job was canceled');
      }
      const f = classify(err);
      const attempts = job.opts.attempts ?? 1;
      const final = !f.retryable || job.attemptsMade + 1 >= attempts;
      if (!final) {
        log.warn({ err, code: f.code }, 'media job failed; will retry');
        this.observe(jobName, 'retried', startedAt);
        throw err instanceof Error ? err : new Error(f.message);
      }
      log.warn({ code: f.code, message: f.message, details: err instanceof AppError ? err.details : undefined, err: f.retryable ? err : undefined }, 'media job failed');
      await this.cleanupOutputs(who, at, log);
      await this.events.failed(who, { code: f.code, message: f.message });
      await this.release(who, `failed:${f.code}`, log);
      this.observe(jobName, 'failed', startedAt);
      throw new UnrecoverableError(`${f.code}: ${f.message}`);
    } finally {
      progress.stop();
      this.cancels.unregister(who.jobId, ac);
      if (workDir) await this.temps.remove(workDir);
    }
  }

  /**
   * BullMQ failed a job itself because its workers kept dying (stalled past WORKER_MAX_STALLED_COUNT):
   * no processor ran, so report the failure and release the reservation here. Idempotent.
   */
  async failLost(name: MediaJobName, job: Job): Promise<void> {
    const parsed = mediaJobPayloadSchema(name).safeParse(job.data);
    if (!parsed.success) return;
    this.logger.error({ jobId: parsed.data.jobId, reason: job.failedReason }, 'media job lost its worker too many times');
    await this.failUnrun(name, job, { jobId: parsed.data.jobId, userId: parsed.data.userId }, { code: 'WORKER_LOST', message: 'The job stopped its worker too many times (killed or out of memory)' });
  }

  /**
   * The consumer host refused a payload that does not match its kind's schema (a producer of
   * another version): when it still names its job and owner, the job fails at once with the
   * fields at fault, and its reservation is released. Idempotent.
   */
  async failInvalid(name: MediaJobName, job: Job): Promise<void> {
    const parsed = mediaJobPayloadSchema(name).safeParse(job.data);
    const who = mediaJobPayloadSchema(name).pick({ jobId: true, userId: true }).safeParse(job.data);
    if (parsed.success || !who.success) return;
    const fields = parsed.error.issues.map((i) => `${i.path.filter((p) => p !== 'params').join('.') || '(params)'}: ${i.message}`).join('; ');
    await this.failUnrun(name, job, who.data, { code: 'VALIDATION_FAILED', message: `Invalid job parameters: ${fields}`.slice(0, 500) });
  }

  private async failUnrun(name: MediaJobName, job: Job, who: { jobId: string; userId: string }, error: { code: string; message: string }): Promise<void> {
    const log = this.logger.child({ jobId: who.jobId, queue: job.queueName });
    await this.cleanupOutputs(who, new Date(job.timestamp), log);
    await this.events.failed(who, error);
    await this.release(who, `failed:${error.code}`, log);
    this.metrics?.jobDuration.observe({ type: name, outcome: 'failed' }, 0);
  }

  /** Throttled job.progress: at most one per interval, only when the figure rose. */
  private progressReporter(who: { jobId: string; userId: string }) {
    let last = -1;
    let lastAt = 0;
    let stopped = false;
    const fn = (pct: number) => {
      const p = Math.max(0, Math.min(100, Math.floor(pct)));
      if (stopped || p <= last || p >= 100 || Date.now() - lastAt < this.settings.progressIntervalMs) return;
      last = p;
      lastAt = Date.now();
      this.events.progress(who, p).catch((err: unknown) => this.logger.warn({ err, jobId: who.jobId }, 'progress event not sent'));
    };
    return Object.assign(fn, { stop: () => (stopped = true) });
  }

  private async cleanupOutputs(who: { jobId: string; userId: string }, at: Date, log: Logger): Promise<void> {
    await this.storage
      .deletePrefix(storagePrefix({ userId: who.userId, area: 'outputs', id: who.jobId, at }))
      .catch((err: unknown) => log.warn({ err }, 'could not delete partial outputs'));
  }

  /** Releases the job's quota reservation; billing's reaper catches it later if billing is down now. */
  private async release(who: { jobId: string; userId: string }, reason: string, log: Logger): Promise<void> {
    await this.rpc
      .call('quota.release', { userId: who.userId, jobId: who.jobId, reason })
      .catch((err: unknown) => log.warn({ err, reason }, 'quota.release failed; the reservation will expire'));
  }
}

/** Whether `file` lies inside `dir` (so it is a job's own temp file, never its stored input). */
function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, path.resolve(file));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function classify(err: unknown): Failure {
  if (err instanceof MediaError) return { code: err.code, message: err.message, retryable: err.retryable && !FINAL_CODES.has(err.code) };
  if (err instanceof AppError) {
    // Another service refused (VALIDATION_FAILED, NOT_FOUND...) or was unavailable (retry).
    return { code: err.code, message: err.message, retryable: err.code === 'UPSTREAM_UNAVAILABLE' || err.httpStatus >= 500 };
  }
  if (err instanceof MediaAbortedError) return { code: 'ABORTED', message: 'Processing was interrupted', retryable: true };
  return { code: 'INTERNAL', message: 'Processing failed', retryable: true };
}
