import { Injectable } from '@nestjs/common';
import { AppError } from '@clipyard/contracts';
import { JobFiles } from './job-files';
import { JobsRepository } from './jobs.repository';
import { JobsQueryService } from './jobs-query.service';

/**
 * Purges a finished job: its outputs leave storage, then its row goes (so a failure in between
 * can be retried). Queued or running jobs must be cancelled first (409 JOB_NOT_FINISHED). What
 * the job used stays in billing's ledger: usage is metered, not stored with the job.
 */
@Injectable()
export class JobPurgeService {
  constructor(
    private readonly jobs: JobsRepository,
    private readonly query: JobsQueryService,
    private readonly files: JobFiles,
  ) {}

  async purge(userId: string, id: string): Promise<void> {
    const job = await this.query.get(userId, id); // 404 unless it is the caller's
    if (job.status === 'queued' || job.status === 'active') {
      throw new AppError('JOB_NOT_FINISHED', `The job is ${job.status}: cancel it first (DELETE without purge), then purge it`, { status: job.status });
    }
    if (!(await this.files.deleteKeys(job.outputs.map((o) => o.key)))) {
      throw new AppError('UPSTREAM_UNAVAILABLE', 'Some outputs could not be deleted from storage; nothing was purged, try again');
    }
    await this.jobs.deleteFinished(userId, id);
  }
}
