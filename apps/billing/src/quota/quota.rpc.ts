import { Injectable } from '@nestjs/common';
import { RpcController } from '@clipyard/queue';
import { QuotaService } from './quota.service';

/** `quota.reserve` / `quota.release`, called by the gateway when a job is submitted or settles. */
@Injectable()
@RpcController('billing')
export class QuotaRpc {
  constructor(private readonly quota: QuotaService) {}

  handlers() {
    return {
      'quota.reserve': (p: Parameters<QuotaService['reserve']>[0]) => this.quota.reserve(p),
      'quota.release': (p: { userId: string; jobId: string; reason: string }) => this.quota.release(p.userId, p.jobId, p.reason),
    };
  }
}
