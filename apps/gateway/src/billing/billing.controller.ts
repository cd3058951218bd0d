import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RpcClient } from '@clipyard/queue';
import { Public } from '@clipyard/observability';
import { CurrentUser, Scopes, type Principal } from '../auth/principal';
import { SummaryQueryDto, UsageEventsQueryDto } from './billing.dto';
import { ApiRoute, rpcReply } from '../openapi/api-route.decorator';

/** Plans, the caller's subscription and the caller's usage (answered by the billing service). */
@ApiTags('billing')
@Controller('v1')
export class BillingController {
  constructor(private readonly rpc: RpcClient) {}

  @Public()
  @Get('plans')
  @ApiRoute({
    id: 'billing.listPlans',
    summary: 'The plans and what each includes',
    responses: { 200: rpcReply('plans.list') },
  })
  plans() {
    return this.rpc.call('plans.list', {});
  }

  @Get('subscription')
  @ApiRoute({
    id: 'billing.getSubscription',
    summary: 'Your plan, its limits and the current period',
    responses: { 200: rpcReply('subscription.get') },
  })
  @Scopes('usage:read')
  subscription(@CurrentUser() user: Principal) {
    return this.rpc.call('subscription.get', { userId: user.userId });
  }

  @Get('usage/summary')
  @ApiRoute({
    id: 'billing.usageSummary',
    summary: 'Your usage in a month (default: this one) against your limits',
    responses: { 200: rpcReply('usage.summary') },
  })
  @Scopes('usage:read')
  summary(@CurrentUser() user: Principal, @Query() q: SummaryQueryDto) {
    return this.rpc.call('usage.summary', { userId: user.userId, month: q.month });
  }

  @Get('usage/events')
  @ApiRoute({
    id: 'billing.usageEvents',
    summary: 'Your metered usage events (cursor pagination)',
    responses: { 200: rpcReply('usage.events') },
  })
  @Scopes('usage:read')
  events(@CurrentUser() user: Principal, @Query() q: UsageEventsQueryDto) {
    return this.rpc.call('usage.events', { userId: user.userId, ...q });
  }
}
