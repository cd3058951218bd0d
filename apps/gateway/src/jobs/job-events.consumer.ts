import { Injectable } from '@nestjs/common';
import { QUEUES, type JobEvent } from '@clipyard/contracts';
import { Metrics } from '@clipyard/observability';
import { Consumer, Handle } from '@clipyard/queue';
import type { GatewayConfig } from '../config';
import { JobsRepository } from './jobs.repository';
import { JobLifecycle } from './job-lifecycle';
import { JobFiles } from './job-files';

/** The `usage` summary shown on a completed job, from what the worker reported. */
export function usageSummary(ev: Extract<JobEvent, { name: 'job.completed' }>): Record<string, unknown> {
  const r = ev.result;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const reported = r.usage && typeof r.usage === 'object' && !Array.isArray(r.usage) ? (r.usage as Record<string, unknown>) : {};
  const summary: Record<string, unknown> = { output_bytes: ev.outputs.reduce((n, o) => n + o.size, 0) };
  if (num(r.duration_s) !== undefined) summary.media_seconds = num(r.duration_s);
  if (num(r.processing_ms) !== undefined) summary.processing_ms = num(r.processing_ms);
  if (num(r.minutes_billed) !== undefined) summary.minutes_billed = num(r.minutes_billed);
  return { ...summary, ...reported };
}

/**
 * Applies the media worker's job events (`job-events` queue) to the jobs table. Events are
 * validated at the boundary; every update is keyed by job id AND owner and only moves a job
 * forward, so duplicates, retries and late progress events are harmless.
 */
@Injectable()
@Consumer<GatewayConfig>(QUEUES.jobEvents, { concurrency: (c) => c.JOB_EVENTS_CONCURRENCY })
export class JobEventsConsumer {
  private readonly applied;

  constructor(
    private readonly jobs: JobsRepository,
    private readonly lifecycle: JobLifecycle,
    private readonly files: JobFiles,
    metrics: Metrics,
  ) {
    this.applied = metrics.counter('job_events_total', 'Job events applied by the gateway', ['event', 'outcome']);
  }

  @Handle('job.started', 'job.progress', 'job.completed', 'job.failed')
  async handle(ev: JobEvent): Promise<void> {
    const changed = await this.apply(ev);
    this.applied.inc({ event: ev.name, outcome: changed ? 'applied' : 'ignored' });
  }

  /** Returns whether the event changed the job. */
  async apply(ev: JobEvent): Promise<boolean> {
    const at = new Date(ev.at);
    switch (ev.name) {
      case 'job.started':
        return this.jobs.markStarted(ev.userId, ev.jobId, at, ev.attempt);
      case 'job.progress':
        return this.jobs.setProgress(ev.userId, ev.jobId, ev.progress);
      case 'job.completed': {
        const done = await this.jobs.markCompleted(ev.userId, ev.jobId, at, ev.outputs, ev.result, usageSummary(ev));
        if (done) {
          await this.lifecycle.finished(done);
          return true;
        }
        // Cancelled (or already finished) before the worker reported: its files must not linger.
        const current = await this.jobs.findOwned(ev.userId, ev.jobId, { fresh: true });
        if (current?.status === 'canceled') await this.files.deleteKeys(ev.outputs.map((o) => o.key));
        return false;
      }
      case 'job.failed': {
        const failed = await this.jobs.markFailed(ev.userId, ev.jobId, at, ev.error);
        if (failed) await this.lifecycle.finished(failed);
        return failed !== null;
      }
    }
  }
}
