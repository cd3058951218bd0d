import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { BillingController } from './billing.controller';
import { BillingAdminController } from './billing-admin.controller';
import { AdminUsersController } from '../admin/admin-users.controller';
import { StripeWebhookController } from './stripe-webhook.controller';
import { keepRawBody, STRIPE_WEBHOOK_PATH } from './raw-body';

/** Plans, subscription, usage, admin billing and the Stripe webhook: all answered by billing over RPC. */
@Module({ controllers: [BillingController, BillingAdminController, AdminUsersController, StripeWebhookController] })
export class BillingGatewayModule implements OnModuleInit {
  constructor(private readonly adapter: HttpAdapterHost) {}

  onModuleInit(): void {
    keepRawBody(this.adapter.httpAdapter.getInstance<FastifyInstance>(), [STRIPE_WEBHOOK_PATH]);
  }
}
