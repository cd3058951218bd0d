import { Inject, Injectable } from '@nestjs/common';
import { AppError, decodeCursor, pageOf } from '@clipyard/contracts';
import { JOB_STATUSES, JOB_TYPES, type JobStatus, type JobType } from '@clipyard/database';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { isUuid } from '../http/id.pipe';
import type { z } from 'zod';
import type { jobStatsSchema } from './jobs.dto';
import { JobsRepository, type JobRecord } from './jobs.repository';
import { jobEtag, presentJob, type JobView } from './job.presenter';

/** A malformed id cannot name a job the caller owns: it is simply not found (REPL and downloads call in too). */
export function assertJobId(id: string): void {
  if (!isUuid(id)) throw new AppError('JOB_NOT_FOUND', 'Job not found');
}

export type JobStats = z.infer<typeof jobStatsSchema>;

const zeroStatuses = () => Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;

/** Read side of the jobs API: status, listing and stats, all scoped to the caller. */
@Injectable()
export class JobsQueryService {
  /** Rendered poll answers by job record (weak: a record the status cache dropped takes its render along). */
  private readonly renders = new WeakMap<JobRecord, { etag: string; body: string }>();

  constructor(
    private readonly jobs: JobsRepository,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async get(userId: string, id: string): Promise<JobRecord> {
    assertJobId(id);
    const job = await this.jobs.findOwned(userId, id);
    if (!job) throw new AppError('JOB_NOT_FOUND', 'Job not found');
    return job;
  }

  /** The caller's job if the status cache holds it (no I/O); undefined for anything else (not cached, not found, malformed id). */
  cached(userId: string, id: string): JobRecord | undefined {
    if (!isUuid(id)) return undefined;
    return this.jobs.cachedOwned(userId, id) ?? undefined;
  }

  present(job: JobRecord): JobView {
    return presentJob(job, this.config.PUBLIC_BASE_URL);
  }

  /**
   * The poll answer of one version of a job: its ETag and its JSON, built once per record. The
   * status cache hands out the same record until the job changes (a change replaces it), so a
   * poll of an unchanged job is a Map lookup and a write.
   */
  rendered(job: JobRecord): { etag: string; body: string } {
    let r = this.renders.get(job);
    if (!r) {
      r = { etag: jobEtag(job), body: JSON.stringify(this.present(job)) };
      this.renders.set(job, r);
    }
    return r;
  }

  async list(
    userId: string,
    q: { status?: JobStatus; type?: JobType; limit: number; cursor?: string },
  ): Promise<{ data: JobView[]; next_cursor: string | null }> {
    const before = q.cursor ? decodeCursor(q.cursor) : undefined;
    const { page, next_cursor } = pageOf(await this.jobs.list(userId, { status: q.status, type: q.type, limit: q.limit + 1, before }), q.limit);
    return { data: page.map((j) => this.present(j)), next_cursor };
  }

  async stats(userId: string): Promise<JobStats> {
    const by_status = zeroStatuses();
    const by_type = Object.fromEntries(JOB_TYPES.map((t) => [t, { total: 0, ...zeroStatuses() }])) as JobStats['by_type'];
    let total = 0;
    for (const { type, status, count } of await this.jobs.countsByTypeAndStatus(userId)) {
      total += count;
      by_status[status] += count;
      by_type[type][status] += count;
      by_type[type].total += count;
    }
    const finished = by_status.completed + by_status.failed;
    return { total, by_status, by_type, success_rate: finished ? by_status.completed / finished : null };
  }
}
