import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { JobsModule } from '../jobs/jobs.module';
import { UploadsModule } from '../uploads/uploads.module';
import { RetentionSweeper } from './retention.sweeper';

/** The retention sweep: outputs and uploads past the plan's retention days, expired idempotency keys. */
@Module({ imports: [JobsModule, UploadsModule, IdempotencyModule], providers: [RetentionSweeper], exports: [RetentionSweeper] })
export class RetentionModule {}
