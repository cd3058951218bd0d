import { Module } from '@nestjs/common';
import { IdempotencyRepository } from '../idempotency/idempotency.repository';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { UploadsRepository } from '../uploads/uploads.repository';
import { UploadsController } from '../uploads/uploads.controller';
import { UploadsService } from '../uploads/uploads.service';
import { MediaProbe } from '../uploads/media-probe';
import { UrlImport } from '../uploads/url-import';
import { DownloadsController } from '../downloads/downloads.controller';
import { DownloadsService } from '../downloads/downloads.service';
import { RetentionSweeper } from '../retention/retention.sweeper';
import { BillingClient } from './billing.client';
import { JobCancelService } from './job-cancel.service';
import { JobPurgeService } from './job-purge.service';
import { JobEventsConsumer } from './job-events.consumer';
import { JobFiles } from './job-files';
import { JobLifecycle } from './job-lifecycle';
import { JobSubmissionService } from './job-submission.service';
import { JobsController } from './jobs.controller';
import { JobsQueryService } from './jobs-query.service';
import { JobsRepository } from './jobs.repository';
import { JobStatusCache } from './job-status.cache';
import { TranscriptionSource } from '../transcribe/transcription-source';
import { ChatSource } from '../hooks/chat-source';
import { HooksInputResolver } from '../hooks/hooks-input';

/** The media-jobs API: uploads, submission, polling, listing, cancel, and the job-events consumer. */
@Module({
  controllers: [JobsController, UploadsController, DownloadsController],
  providers: [
    JobStatusCache,
    JobsRepository,
    UploadsRepository,
    IdempotencyRepository,
    IdempotencyService,
    BillingClient,
    JobFiles,
    JobLifecycle,
    JobSubmissionService,
    TranscriptionSource,
    ChatSource,
    HooksInputResolver,
    JobsQueryService,
    JobCancelService,
    JobPurgeService,
    JobEventsConsumer,
    MediaProbe,
    UrlImport,
    UploadsService,
    DownloadsService,
    RetentionSweeper,
  ],
  exports: [RetentionSweeper, JobCancelService, JobSubmissionService, JobsQueryService, JobLifecycle, JobsRepository, UploadsRepository, BillingClient, JobFiles],
})
export class JobsModule {}
