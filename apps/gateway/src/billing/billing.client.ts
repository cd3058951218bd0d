import { Injectable } from '@nestjs/common';
import type { RpcReply, UsageAction } from '@clipyard/contracts';
import { RpcClient } from '@clipyard/queue';

export type Reservation = RpcReply<'quota.reserve'>;
export type UserLimits = RpcReply<'quota.get-limits'>;

/**
 * The gateway's view of billing's quota RPC. Refusals arrive as AppErrors carrying billing's
 * codes (QUOTA_EXCEEDED 402, FILE_TOO_LARGE/MEDIA_TOO_LONG 413, CONCURRENCY_LIMIT 429,
 * FEATURE_NOT_IN_PLAN 403) and go to the client unchanged through the global filter.
 */
@Injectable()
export class BillingClient {
  constructor(private readonly rpc: RpcClient) {}

  reserve(r: {
    userId: string;
    jobId: string;
    action: UsageAction;
    units?: number;
    inputBytes?: number;
    mediaSeconds?: number;
    features: string[];
    subtitleMinutes?: number;
    trimJobs?: number;
  }): Promise<Reservation> {
    return this.rpc.call('quota.reserve', r);
  }

  release(userId: string, jobId: string, reason: string): Promise<RpcReply<'quota.release'>> {
    return this.rpc.call('quota.release', { userId, jobId, reason });
  }

  limits(userId: string): Promise<UserLimits> {
    return this.rpc.call('quota.get-limits', { userId });
  }
}
