import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Scopes, type Principal } from '../auth/principal';
import {
  callbackSecretSchema,
  CreateWebhookDto,
  ListDeliveriesDto,
  RotateSecretDto,
  webhookDeliveryListSchema,
  webhookDeliveryViewSchema,
  webhookEndpointListSchema,
  webhookEndpointViewSchema,
  webhookEndpointWithSecretSchema,
} from './webhooks.dto';
import { WebhooksService } from './webhooks.service';
import { ApiRoute } from '../openapi/api-route.decorator';
import { IdParam } from '../http/id.pipe';

/** Webhook endpoints, their delivery log and secrets. Every route is scoped to the caller. */
@ApiTags('webhooks')
@ApiSecurity('api-key')
@ApiBearerAuth('bearer')
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  /** Creates an endpoint; the signing secret is in this response only. */
  @Post()
  @HttpCode(201)
  @ApiRoute({
    id: 'webhooks.create',
    summary: 'Add a webhook endpoint (its signing secret is in this answer only)',
    responses: { 201: webhookEndpointWithSecretSchema },
    errors: ['WEBHOOK_LIMIT_REACHED', 'URL_FORBIDDEN', 'FEATURE_NOT_IN_PLAN'],
  })
  @Scopes('webhooks:write')
  create(@CurrentUser() user: Principal, @Body() body: CreateWebhookDto) {
    return this.webhooks.create(user.userId, body);
  }

  @Get()
  @ApiRoute({
    id: 'webhooks.list',
    summary: 'Your webhook endpoints',
    responses: { 200: webhookEndpointListSchema },
  })
  @Scopes('webhooks:read')
  list(@CurrentUser() user: Principal) {
    return this.webhooks.list(user.userId);
  }

  /** Creates or rotates the secret that signs per-job `callback_url` deliveries (shown once). */
  @Post('callback-secret')
  @ApiRoute({
    id: 'webhooks.rotateCallbackSecret',
    summary: 'Create or rotate the secret that signs per-job `callback_url` deliveries (shown once)',
    responses: { 200: callbackSecretSchema },
    errors: ['FEATURE_NOT_IN_PLAN'],
  })
  @HttpCode(200)
  @Scopes('webhooks:write')
  callbackSecret(@CurrentUser() user: Principal, @Body() body: RotateSecretDto) {
    return this.webhooks.rotateCallbackSecret(user.userId, body?.overlap_hours);
  }

  @Get(':id')
  @ApiRoute({
    id: 'webhooks.get',
    summary: 'One of your webhook endpoints',
    responses: { 200: webhookEndpointViewSchema },
    errors: ['WEBHOOK_NOT_FOUND', 'FEATURE_NOT_IN_PLAN'],
  })
  @Scopes('webhooks:read')
  get(@CurrentUser() user: Principal, @IdParam('id', 'WEBHOOK_NOT_FOUND', 'No such webhook endpoint') id: string) {
    return this.webhooks.get(user.userId, id);
  }

  @Delete(':id')
  @ApiRoute({
    id: 'webhooks.delete',
    summary: 'Remove a webhook endpoint',
    responses: { 204: null },
    errors: ['WEBHOOK_NOT_FOUND', 'FEATURE_NOT_IN_PLAN'],
  })
  @HttpCode(204)
  @Scopes('webhooks:write')
  async remove(@CurrentUser() user: Principal, @IdParam('id', 'WEBHOOK_NOT_FOUND', 'No such webhook endpoint') id: string): Promise<void> {
    await this.webhooks.remove(user.userId, id);
  }

  /** A receiver that answered 410 Gone disabled its endpoint; this turns it back on. */
  @Post(':id/enable')
  @ApiRoute({
    id: 'webhooks.enable',
    summary: 'Enable an endpoint again after its receiver answered 410 Gone',
    responses: { 200: webhookEndpointViewSchema },
    errors: ['WEBHOOK_NOT_FOUND', 'FEATURE_NOT_IN_PLAN'],
  })
  @HttpCode(200)
  @Scopes('webhooks:write')
  enable(@CurrentUser() user: Principal, @IdParam('id', 'WEBHOOK_NOT_FOUND', 'No such webhook endpoint') id: string) {
    return this.webhooks.enable(user.userId, id);
  }

  /** Sends a `webhook.test` event to this endpoint now. */
  @Post(':id/test')
  @ApiRoute({
    id: 'webhooks.test',
    summary: 'Send a `webhook.test` event to this endpoint now',
    responses: { 202: webhookDeliveryViewSchema },
    errors: ['WEBHOOK_NOT_FOUND', 'FEATURE_NOT_IN_PLAN'],
  })
  @HttpCode(202)
  @Scopes('webhooks:write')
  test(@CurrentUser() user: Principal, @IdParam('id', 'WEBHOOK_NOT_FOUND', 'No such webhook endpoint') id: string) {
    return this.webhooks.test(user.userId, id);
  }

  /** New secret (shown once); the previous one keeps signing during the overlap. */
  @Post(':id/rotate-secret')
  @ApiRoute({
    id: 'webhooks.rotateSecret',
    summary: 'New signing secret (shown once); the previous one keeps signing during the overlap',
    responses: { 200: webhookEndpointWithSecretSchema },
    errors: ['WEBHOOK_NOT_FOUND', 'FEATURE_NOT_IN_PLAN'],
  })
  @HttpCode(200)
  @Scopes('webhooks:write')
  rotate(@CurrentUser() user: Principal, @IdParam('id', 'WEBHOOK_NOT_FOUND', 'No such webhook endpoint') id: string, @Body() body: RotateSecretDto) {
    return this.webhooks.rotate(user.userId, id, body?.overlap_hours);
  }

  @Get(':id/deliveries')
  @ApiRoute({
    id: 'webhooks.listDeliveries',
    summary: 'Delivery log of an endpoint, newest first (cursor pagination)',
    responses: { 200: webhookDeliveryListSchema },
    errors: ['WEBHOOK_NOT_FOUND', 'FEATURE_NOT_IN_PLAN'],
  })
  @Scopes('webhooks:read')
  deliveries(@CurrentUser() user: Principal, @IdParam('id', 'WEBHOOK_NOT_FOUND', 'No such webhook endpoint') id: string, @Query() q: ListDeliveriesDto) {
    return this.webhooks.deliveries(user.userId, id, q.limit, q.cursor);
  }

  @Get(':id/deliveries/:deliveryId')
  @ApiRoute({
    id: 'webhooks.getDelivery',
    summary: 'One delivery with its payload and last outcome',
    responses: { 200: webhookDeliveryViewSchema },
    errors: ['WEBHOOK_NOT_FOUND', 'WEBHOOK_DELIVERY_NOT_FOUND', 'FEATURE_NOT_IN_PLAN'],
  })
  @Scopes('webhooks:read')
  delivery(@CurrentUser() user: Principal, @IdParam('id', 'WEBHOOK_NOT_FOUND', 'No such webhook endpoint') id: string, @IdParam('deliveryId', 'WEBHOOK_DELIVERY_NOT_FOUND', 'No such delivery') deliveryId: string) {
    return this.webhooks.delivery(user.userId, id, deliveryId);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @ApiRoute({
    id: 'webhooks.redeliver',
    summary: 'Send a delivery again now (a new series of attempts)',
    responses: { 202: webhookDeliveryViewSchema },
    errors: ['WEBHOOK_NOT_FOUND', 'WEBHOOK_DELIVERY_NOT_FOUND', 'FEATURE_NOT_IN_PLAN'],
  })
  @HttpCode(202)
  @Scopes('webhooks:write')
  redeliver(@CurrentUser() user: Principal, @IdParam('id', 'WEBHOOK_NOT_FOUND', 'No such webhook endpoint') id: string, @IdParam('deliveryId', 'WEBHOOK_DELIVERY_NOT_FOUND', 'No such delivery') deliveryId: string) {
    return this.webhooks.redeliver(user.userId, id, deliveryId);
  }
}
