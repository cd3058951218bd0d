import { Injectable } from '@nestjs/common';
import { AppError, USAGE_ACTIONS, type RpcReply, type UsageAction, type UsageSummaryDto } from '@clipyard/contracts';
import { Clock } from '../common/clock';
import { monthBounds, monthOf, resetsAt } from '../common/month';
import { ACTION_JOBS_LIMIT, effectiveLimits } from '../plans/plan';
import { SubscriptionsService } from '../subscriptions/subscriptions.service';
import { UsageRepository } from './usage.repository';

const counter = (used: number, reserved: number, limit: number) => ({
  used,
  reserved,
  limit: limit < 0 ? null : limit,
  remaining: limit < 0 ? null : Math.max(0, limit - used - reserved),
});

const encodeCursor = (at: Date, id: string) => Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
function decodeCursor(cursor: string): { at: string; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id)) throw new Error('bad cursor');
    return { at, id };
  } catch {
    throw new AppError('VALIDATION_FAILED', 'Invalid cursor', { issues: [{ path: 'cursor', message: 'not a cursor from this API' }] });
  }
}

/** Read side of usage: a user's month summary and ledger, and the admin overview. */
@Injectable()
export class UsageQueryService {
  constructor(
    private readonly usage: UsageRepository,
    private readonly subs: SubscriptionsService,
    private readonly clock: Clock,
  ) {}

  async summary(userId: string, month = monthOf(this.clock.now())): Promise<UsageSummaryDto> {
    const { subscription, plan } = await this.subs.get(userId);
    const { limits } = effectiveLimits(plan, subscription.limitOverrides);
    const rows = new Map((await this.usage.monthRows(userId, month)).map((r) => [r.metric, r]));
    const get = (metric: string) => rows.get(metric);
    const action = (a: UsageAction) => counter(get(a)?.jobsUsed ?? 0, get(a)?.jobsReserved ?? 0, limits[ACTION_JOBS_LIMIT[a]]);
    const jobRows = USAGE_ACTIONS.map(get).filter((r) => r !== undefined);
    const sum = (k: 'mediaSeconds' | 'inputBytes' | 'outputBytes' | 'processingMs') => jobRows.reduce((acc, r) => acc + Number(r[k]), 0);
    return {
      month,
      plan: plan.code,
      resets_at: resetsAt(month),
      actions: { trim: action('trim'), overlay: action('overlay'), transcribe: action('transcribe'), hooks: action('hooks') },
      ai_tokens: { input: Number(get('hooks')?.inputTokens ?? 0), output: Number(get('hooks')?.outputTokens ?? 0) },
      transcribe_minutes: counter(
        Number(get('transcribe')?.unitsUsed ?? 0),
        Number(get('transcribe')?.unitsReserved ?? 0),
        limits.transcribe_minutes_per_month,
      ),
      media_seconds: sum('mediaSeconds'),
      input_bytes: sum('inputBytes'),
      output_bytes: sum('outputBytes'),
      processing_seconds: sum('processingMs') / 1000,
      api_requests: Number(get('requests')?.unitsUsed ?? 0),
    };
  }

  async events(q: {
    userId: string;
    from?: string;
    to?: string;
    action?: string;
    cursor?: string;
    limit: number;
  }): Promise<RpcReply<'usage.events'>> {
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    const kind = q.action === 'requests' ? 'requests' : undefined;
    const action = q.action && q.action !== 'requests' ? q.action : undefined;
    const rows = await this.usage.page(q.userId, { ...q, kind, action, after, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      data: page.map((r) => ({
        event_id: r.eventId,
        kind: r.kind,
        job_id: r.jobId,
        action: r.action,
        units: Number(r.units),
        media_seconds: r.mediaSeconds,
        input_bytes: Number(r.inputBytes),
        output_bytes: Number(r.outputBytes),
        processing_ms: Number(r.processingMs),
        template: r.template,
        input_tokens: Number(r.inputTokens),
        output_tokens: Number(r.outputTokens),
        ai_provider: r.aiProvider,
        ai_model: r.aiModel,
        occurred_at: new Date(r.occurredAt).toISOString(),
      })),
      next_cursor: rows.length > q.limit && last ? encodeCursor(new Date(last.occurredAt), last.id) : null,
    };
  }

  async admin(month = monthOf(this.clock.now())): Promise<RpcReply<'admin.usage'>> {
    const [plans, statuses, daily] = await Promise.all([
      this.usage.usersPerPlan(),
      this.usage.jobsPerStatus(month),
      this.usage.daily(monthBounds(month)),
    ]);
    const jobs: Record<string, number> = { pending: 0, completed: 0, failed: 0, cancelled: 0, expired: 0 };
    for (const s of statuses) {
      const key =
        s.status === 'pending'
          ? 'pending'
          : s.status === 'committed'
            ? 'completed'
            : s.reason && ['failed', 'cancelled', 'expired'].includes(s.reason)
              ? s.reason
              : 'released';
      jobs[key] = (jobs[key] ?? 0) + s.n;
    }
    const settled = Object.entries(jobs).filter(([k]) => k !== 'pending').reduce((a, [, n]) => a + n, 0);
    return {
      month,
      users_per_plan: Object.fromEntries(plans.map((p) => [p.code, p.n])),
      jobs_per_status: jobs,
      completion_rate: settled ? jobs.completed / settled : null,
      daily,
    };
  }
}
