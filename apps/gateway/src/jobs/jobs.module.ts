import { Module } from '@nestjs/common';
import { HooksModule } from '../hooks/hooks.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { TranscribeModule } from '../transcribe/transcribe.module';
import { UploadsModule } from '../uploads/uploads.module';
import { HooksInputResolver } from './hooks-input';
import { JobCancelService } from './job-cancel.service';
import { JobPurgeService } from './job-purge.service';
import { JobEventsConsumer } from './job-events.consumer';
import { JobReconciler } from './job-reconciler';
import { JobFiles } from './job-files';
import { JobLifecycle } from './job-lifecycle';
import { JobSubmissionService } from './job-submission.service';
import { JobsController } from './jobs.controller';
import { JobsQueryService } from './jobs-query.service';
import { JobsRepository } from './jobs.repository';
import { JobStatusCache } from './job-status.cache';
import { JobPollFastPath } from './job-poll';

/** The media-jobs API: submission, polling, listing, cancel and purge, the job-events consumer and the reconciler. */
@Module({
  imports: [UploadsModule, IdempotencyModule, TranscribeModule, HooksModule],
  controllers: [JobsController],
  providers: [
    JobStatusCache,
    JobsRepository,
    JobFiles,
    JobLifecycle,
    JobSubmissionService,
    HooksInputResolver,
    JobsQueryService,
    JobCancelService,
    JobPurgeService,
    JobEventsConsumer,
    JobReconciler,
    JobPollFastPath,
  ],
  exports: [JobReconciler, JobCancelService, JobSubmissionService, JobsQueryService, JobLifecycle, JobsRepository, JobFiles, UploadsModule],
})
export class JobsModule {}
