import { Injectable } from '@nestjs/common';
import { RpcClient } from '@clipyard/queue';
import type { JobType } from '@clipyard/database';

export interface Reservation {
  reservationId: string;
  priority: number;
  plan: string;
}

export interface UserLimits {
  features: string[];
  /** -1 = unlimited */
  maxFileBytes: number;
  maxMediaSeconds: number;
  retentionDays: number;
  priority: number;
}

/**
 * The gateway's view of billing's quota RPC. Refusals arrive as AppErrors carrying billing's
 * codes (QUOTA_EXCEEDED 402, FILE_TOO_LARGE/MEDIA_TOO_LONG 413, CONCURRENCY_LIMIT 429,
 * FEATURE_NOT_IN_PLAN 403) and go to the client unchanged through the global filter.
 */
@Injectable()
export class BillingClient {
  constructor(private readonly rpc: RpcClient) {}

  private call<T>(method: string, params: unknown): Promise<T> {
    return (this.rpc.call as unknown as (m: string, p: unknown) => Promise<T>)(method, params);
  }

  reserve(r: {
    userId: string;
    jobId: string;
    action: JobType;
    units?: number;
    inputBytes?: number;
    mediaSeconds?: number;
    features: string[];
  }): Promise<Reservation> {
    return this.call('quota.reserve', r);
  }

  release(userId: string, jobId: string, reason: string): Promise<unknown> {
    return this.call('quota.release', { userId, jobId, reason });
  }

  limits(userId: string): Promise<UserLimits> {
    return this.call('quota.get-limits', { userId });
  }
}
