import { Injectable } from '@nestjs/common';
import { RpcController } from '@clipyard/queue';
import type { RpcRequest } from '@clipyard/contracts';
import { StripeCheckoutService } from './stripe-checkout.service';
import { StripeService } from './stripe.service';

/** `stripe.webhook`: the gateway forwards the raw body and the Stripe-Signature header. */
@Injectable()
@RpcController('billing')
export class StripeRpc {
  constructor(
    private readonly stripe: StripeService,
    private readonly checkouts: StripeCheckoutService,
  ) {}

  handlers() {
    return {
      'stripe.webhook': (p: { payload: string; signature: string }) => this.stripe.handleWebhook(p.payload, p.signature),
      'stripe.checkout': (p: RpcRequest<'stripe.checkout'>) => this.checkouts.checkout(p),
      'stripe.portal': (p: RpcRequest<'stripe.portal'>) => this.checkouts.portal(p),
    };
  }
}
