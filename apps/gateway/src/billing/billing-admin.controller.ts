import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RpcClient } from '@clipyard/queue';
import { Roles } from '../auth/principal';
import { SetLimitsDto, SetPlanDto, SummaryQueryDto, UserIdParamDto } from './billing.dto';

/** Admin: move a user to a plan, override their limits, see usage across users. */
@ApiTags('admin')
@Roles('admin')
@Controller('v1/admin')
export class BillingAdminController {
  constructor(private readonly rpc: RpcClient) {}

  @Put('users/:id/plan')
  async setPlan(@Param() p: UserIdParamDto, @Body() body: SetPlanDto) {
    await this.userExists(p.id);
    return this.rpc.call('admin.setPlan', { userId: p.id, plan: body.plan, stripeCustomerId: body.stripe_customer_id });
  }

  @Put('users/:id/limits')
  async setLimits(@Param() p: UserIdParamDto, @Body() body: SetLimitsDto) {
    await this.userExists(p.id);
    return this.rpc.call('admin.setLimits', { userId: p.id, limits: body });
  }

  /** Billing would lazily create a subscription for any id: only real users (auth says 404 otherwise). */
  private async userExists(userId: string): Promise<void> {
    await this.rpc.call('auth.me.get', { userId });
  }

  @Get('usage')
  usage(@Query() q: SummaryQueryDto) {
    return this.rpc.call('admin.usage', { month: q.month });
  }
}
