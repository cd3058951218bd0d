import { Module } from '@nestjs/common';
import { IdempotencyRepository } from '../idempotency/idempotency.repository';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { UploadsRepository } from '../uploads/uploads.repository';
import { BillingClient } from './billing.client';
import { JobCancelService } from './job-cancel.service';
import { JobEventsConsumer } from './job-events.consumer';
import { JobFiles } from './job-files';
import { JobLifecycle } from './job-lifecycle';
import { JobSubmissionService } from './job-submission.service';
import { JobsController } from './jobs.controller';
import { JobsQueryService } from './jobs-query.service';
import { JobsRepository } from './jobs.repository';

/** The media-jobs API: submission, polling, listing, cancel, and the job-events consumer. */
@Module({
  controllers: [JobsController],
  providers: [
    JobsRepository,
    UploadsRepository,
    IdempotencyRepository,
    IdempotencyService,
    BillingClient,
    JobFiles,
    JobLifecycle,
    JobSubmissionService,
    JobsQueryService,
    JobCancelService,
    JobEventsConsumer,
  ],
  exports: [JobSubmissionService, JobsQueryService, JobLifecycle, JobsRepository, UploadsRepository, BillingClient, JobFiles],
})
export class JobsModule {}
