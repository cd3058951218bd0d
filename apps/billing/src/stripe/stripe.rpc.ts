import { Injectable } from '@nestjs/common';
import { RpcController } from '@clipyard/queue';
import { StripeService } from './stripe.service';

/** `stripe.webhook`: the gateway forwards the raw body and the Stripe-Signature header. */
@Injectable()
@RpcController('billing')
export class StripeRpc {
  constructor(private readonly stripe: StripeService) {}

  handlers() {
    return {
      'stripe.webhook': (p: { payload: string; signature: string }) => this.stripe.handleWebhook(p.payload, p.signature),
    };
  }
}
