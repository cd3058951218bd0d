import { Module } from '@nestjs/common';
import { IdempotencyRepository } from './idempotency.repository';
import { IdempotencyService } from './idempotency.service';

/** `Idempotency-Key` on submissions: the stored first answer of a retried request (kept 24 h). */
@Module({ providers: [IdempotencyRepository, IdempotencyService], exports: [IdempotencyRepository, IdempotencyService] })
export class IdempotencyModule {}
