import { Injectable } from '@nestjs/common';
import { AppError } from '@clipyard/contracts';
import { RpcClient } from '@clipyard/queue';

/** Asks billing (RPC `quota.get-limits`) whether the caller's plan has a feature. Not on a hot path. */
@Injectable()
export class PlanGate {
  constructor(private readonly rpc: RpcClient) {}

  async features(userId: string): Promise<string[]> {
    const limits = await this.rpc.call('quota.get-limits', { userId });
    return limits.features;
  }

  async require(userId: string, feature: string): Promise<void> {
    const features = await this.features(userId);
    if (!features.includes(feature)) {
      throw new AppError('FEATURE_NOT_IN_PLAN', `Your plan does not include ${feature}`, { feature });
    }
  }
}
