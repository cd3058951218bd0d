import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RpcClient } from '@clipyard/queue';
import { Public } from '@clipyard/observability';
import { CurrentUser, Scopes, type Principal } from '../auth/principal';
import { z } from 'zod';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { CheckoutDto, SummaryQueryDto, UsageEventsQueryDto } from './billing.dto';
import { ApiRoute, rpcReply } from '../openapi/api-route.decorator';

const stripeSession = z.object({ url: z.string().url(), session_id: z.string() });

/** Plans, the caller's subscription and the caller's usage (answered by the billing service). */
@ApiTags('billing')
@Controller('v1')
export class BillingController {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** Self-serve upgrade: a Stripe Checkout URL for a paid plan; the plan changes when Stripe's webhook says it is paid. */
  @Post('billing/checkout')
  @HttpCode(200)
  @ApiRoute({ id: 'billing.checkout', summary: 'A Stripe Checkout URL to buy a paid plan', responses: { 200: stripeSession }, errors: ['PLAN_NOT_PURCHASABLE', 'STRIPE_NOT_CONFIGURED', 'STRIPE_REQUEST_FAILED'] })
  @Scopes('account:write')
  async checkout(@CurrentUser() user: Principal, @Body() body: CheckoutDto) {
    const back = `${this.config.PUBLIC_BASE_URL.replace(/\/$/, '')}/usage`;
    const { url, id } = await this.rpc.call('stripe.checkout', {
      userId: user.userId,
      email: await this.emailOf(user.userId),
      plan: body.plan,
      successUrl: `${back}?checkout=success`,
      cancelUrl: `${back}?checkout=canceled`,
    });
    return { url, session_id: id };
  }

  /** Stripe's Customer Portal (card, invoices, switch or cancel the plan). */
  @Post('billing/portal')
  @HttpCode(200)
  @ApiRoute({ id: 'billing.portal', summary: "A Stripe Customer Portal URL to manage or cancel your plan", responses: { 200: stripeSession }, errors: ['STRIPE_NOT_CONFIGURED', 'STRIPE_REQUEST_FAILED'] })
  @Scopes('account:write')
  async portal(@CurrentUser() user: Principal) {
    const { url, id } = await this.rpc.call('stripe.portal', {
      userId: user.userId,
      email: await this.emailOf(user.userId),
      returnUrl: `${this.config.PUBLIC_BASE_URL.replace(/\/$/, '')}/usage`,
    });
    return { url, session_id: id };
  }

  private async emailOf(userId: string): Promise<string | undefined> {
    const me = (await this.rpc.call('auth.me.get', { userId })) as { email?: string };
    return me.email;
  }

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
