import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { RequestCounter } from './request-counter';
import { RequestCounterInterceptor } from './request-counter.interceptor';

/** API request metering: a global interceptor counts, RequestCounter flushes to billing in batches. */
@Module({
  providers: [RequestCounter, { provide: APP_INTERCEPTOR, useClass: RequestCounterInterceptor }],
  exports: [RequestCounter],
})
export class UsageMeteringModule {}
