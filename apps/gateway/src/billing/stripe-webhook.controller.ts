import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AppError } from '@clipyard/contracts';
import { Public } from '@clipyard/observability';
import { RpcClient } from '@clipyard/queue';
import { RAW_BODY, STRIPE_WEBHOOK_PATH } from './raw-body';

/**
 * Stripe → Clipyard. The raw body (kept for this route only) and its signature go to the billing
 * service, which verifies them with the webhook secret and applies each event once.
 */
@ApiExcludeController()
@Controller()
export class StripeWebhookController {
  constructor(private readonly rpc: RpcClient) {}

  @Public()
  @Post(STRIPE_WEBHOOK_PATH)
  @HttpCode(200)
  async webhook(@Req() req: { [RAW_BODY]?: Buffer }, @Headers('stripe-signature') signature?: string) {
    const raw = req[RAW_BODY];
    if (!signature) throw new AppError('STRIPE_SIGNATURE_INVALID', 'Missing Stripe-Signature header');
    if (!raw) throw new AppError('BAD_REQUEST', 'Empty body');
    const res = await this.rpc.call('stripe.webhook', { payload: raw.toString('utf8'), signature });
    return { received: true, duplicate: res.duplicate };
  }
}
