import { Injectable } from '@nestjs/common';
import { RpcController } from '@clipyard/queue';
import { effectiveLimits } from '../plans/plan';
import { SubscriptionsService } from './subscriptions.service';

/** Subscription reads, the limits the gateway checks at submission, and the admin edits. */
@Injectable()
@RpcController('billing')
export class SubscriptionsRpc {
  constructor(private readonly subs: SubscriptionsService) {}

  handlers() {
    return {
      'subscription.get': ({ userId }: { userId: string }) => this.subs.getDto(userId),
      'quota.get-limits': async ({ userId }: { userId: string }) => {
        const { subscription, plan } = await this.subs.get(userId);
        const { limits, features } = effectiveLimits(plan, subscription.limitOverrides);
        return {
          plan: plan.code,
          priority: plan.priority,
          features,
          maxFileBytes: limits.max_file_bytes,
          maxMediaSeconds: limits.max_media_seconds,
          maxConcurrentJobs: limits.max_concurrent_jobs,
          retentionDays: limits.retention_days,
        };
      },
      'subscription.startTrial': ({ userId }: { userId: string }) => this.subs.startTrial(userId),
      'admin.setPlan': (p: { userId: string; plan: string; stripeCustomerId?: string }) =>
        this.subs.setPlan(p.userId, p.plan, p.stripeCustomerId),
      'admin.setLimits': (p: { userId: string; limits: Record<string, unknown> }) => this.subs.setLimits(p.userId, p.limits),
    };
  }
}
