import { Module } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { BillingController } from './billing.controller';
import { BillingAdminController } from './billing-admin.controller';
import { AdminUsersController } from '../admin/admin-users.controller';
import { StripeWebhookController } from './stripe-webhook.controller';
import { keepRawBody, STRIPE_WEBHOOK_PATH } from './raw-body';

/** Plans, subscription, usage, admin billing and the Stripe webhook: all answered by billing over RPC. */
@Module({ controllers: [BillingController, BillingAdminController, AdminUsersController, StripeWebhookController] })
export class BillingGatewayModule {
  // in the constructor: before Nest registers the routes (its init), so that the hook is the route's own
  constructor(adapter: HttpAdapterHost) {
    const fastify = adapter.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify) keepRawBody(fastify, [STRIPE_WEBHOOK_PATH]);
  }
}
