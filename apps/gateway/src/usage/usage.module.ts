import { Module } from '@nestjs/common';
import { RequestCounter } from './request-counter';
import { RequestCounterHook } from './request-counter.hook';

/** API request metering: an onResponse hook counts, RequestCounter flushes to billing in batches. */
@Module({
  providers: [RequestCounter, RequestCounterHook],
  exports: [RequestCounter],
})
export class UsageMeteringModule {}
