import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RpcClient } from '@clipyard/queue';
import { AdminOnly, CurrentUser, type Principal } from '../auth/principal';
import { Client, type ClientCtx } from '../auth/http-context';
import { SetLimitsDto, SetPlanDto, SummaryQueryDto, UserIdParamDto } from './billing.dto';
import { ApiRoute, rpcReply } from '../openapi/api-route.decorator';

/** Admin: move a user to a plan, override their limits, see usage across users. Every call is audited. */
@ApiTags('admin')
@AdminOnly()
@Controller('v1/admin')
export class BillingAdminController {
  constructor(private readonly rpc: RpcClient) {}

  @Put('users/:id/plan')
  @ApiRoute({
    id: 'admin.setUserPlan',
    summary: 'Move a user to a plan (audited)',
    responses: { 200: rpcReply('admin.setPlan') },
    errors: ['NOT_FOUND', 'PLAN_NOT_FOUND'],
  })
  async setPlan(@CurrentUser() me: Principal, @Param() p: UserIdParamDto, @Body() body: SetPlanDto, @Client() ctx: ClientCtx) {
    await this.userExists(p.id);
    const sub = await this.rpc.call('admin.setPlan', { userId: p.id, plan: body.plan, stripeCustomerId: body.stripe_customer_id });
    await this.audit(me, p.id, 'admin.write', { what: 'billing.plan', plan: sub.plan }, ctx);
    return sub;
  }

  @Put('users/:id/limits')
  @ApiRoute({
    id: 'admin.setUserLimits',
    summary: "Override a user's limits (audited)",
    responses: { 200: rpcReply('admin.setLimits') },
    errors: ['NOT_FOUND'],
  })
  async setLimits(@CurrentUser() me: Principal, @Param() p: UserIdParamDto, @Body() body: SetLimitsDto, @Client() ctx: ClientCtx) {
    await this.userExists(p.id);
    const sub = await this.rpc.call('admin.setLimits', { userId: p.id, limits: body });
    await this.audit(me, p.id, 'admin.write', { what: 'billing.limits', limits: body }, ctx);
    return sub;
  }

  @Get('usage')
  @ApiRoute({
    id: 'admin.usage',
    summary: 'Usage across users in a month (audited)',
    responses: { 200: rpcReply('admin.usage') },
  })
  async usage(@CurrentUser() me: Principal, @Query() q: SummaryQueryDto, @Client() ctx: ClientCtx) {
    const usage = await this.rpc.call('admin.usage', { month: q.month });
    await this.audit(me, null, 'admin.read', { what: 'billing.usage', month: usage.month }, ctx);
    return usage;
  }

  /** Billing would lazily create a subscription for any id: only real users (auth says 404 otherwise). */
  private async userExists(userId: string): Promise<void> {
    await this.rpc.call('auth.me.get', { userId });
  }

  private async audit(me: Principal, userId: string | null, action: 'admin.read' | 'admin.write', metadata: Record<string, unknown>, ctx: ClientCtx) {
    await this.rpc.call('auth.audit.record', { actorId: me.userId, userId, action, metadata, ctx });
  }
}
