import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RpcClient } from '@clipyard/queue';
import { Public } from '@clipyard/observability';
import { CurrentUser, Scopes, type Principal } from '../auth/principal';
import { SummaryQueryDto, UsageEventsQueryDto } from './billing.dto';

/** Plans, the caller's subscription and the caller's usage (answered by the billing service). */
@ApiTags('billing')
@Controller('v1')
export class BillingController {
  constructor(private readonly rpc: RpcClient) {}

  @Public()
  @Get('plans')
  plans() {
    return this.rpc.call('plans.list', {});
  }

  @Get('subscription')
  @Scopes('usage:read')
  subscription(@CurrentUser() user: Principal) {
    return this.rpc.call('subscription.get', { userId: user.userId });
  }

  @Get('usage/summary')
  @Scopes('usage:read')
  summary(@CurrentUser() user: Principal, @Query() q: SummaryQueryDto) {
    return this.rpc.call('usage.summary', { userId: user.userId, month: q.month });
  }

  @Get('usage/events')
  @Scopes('usage:read')
  events(@CurrentUser() user: Principal, @Query() q: UsageEventsQueryDto) {
    return this.rpc.call('usage.events', { userId: user.userId, ...q });
  }
}
