import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal } from '../auth/principal';
import { IdParam } from '../http/id.pipe';
import { CreateWebhookDto, ListDeliveriesDto, RotateSecretDto } from './webhooks.dto';
import { WebhooksService } from './webhooks.service';

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
  create(@CurrentUser() user: Principal, @Body() body: CreateWebhookDto) {
    return this.webhooks.create(user.userId, body);
  }

  @Get()
  list(@CurrentUser() user: Principal) {
    return this.webhooks.list(user.userId);
  }

  /** Creates or rotates the secret that signs per-job `callback_url` deliveries (shown once). */
  @Post('callback-secret')
  @HttpCode(200)
  callbackSecret(@CurrentUser() user: Principal, @Body() body: RotateSecretDto) {
    return this.webhooks.rotateCallbackSecret(user.userId, body?.overlap_hours);
  }

  @Get(':id')
  get(@CurrentUser() user: Principal, @IdParam('id', 'WEBHOOK_NOT_FOUND', 'No such webhook endpoint') id: string) {
    return this.webhooks.get(user.userId, id);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() user: Principal, @IdParam('id', 'WEBHOOK_NOT_FOUND', 'No such webhook endpoint') id: string): Promise<void> {
    await this.webhooks.remove(user.userId, id);
  }

  /** Sends a `webhook.test` event to this endpoint now. */
  @Post(':id/test')
  @HttpCode(202)
  test(@CurrentUser() user: Principal, @IdParam('id', 'WEBHOOK_NOT_FOUND', 'No such webhook endpoint') id: string) {
    return this.webhooks.test(user.userId, id);
  }

  /** New secret (shown once); the previous one keeps signing during the overlap. */
  @Post(':id/rotate-secret')
  @HttpCode(200)
  rotate(@CurrentUser() user: Principal, @IdParam('id', 'WEBHOOK_NOT_FOUND', 'No such webhook endpoint') id: string, @Body() body: RotateSecretDto) {
    return this.webhooks.rotate(user.userId, id, body?.overlap_hours);
  }

  @Get(':id/deliveries')
  deliveries(@CurrentUser() user: Principal, @IdParam('id', 'WEBHOOK_NOT_FOUND', 'No such webhook endpoint') id: string, @Query() q: ListDeliveriesDto) {
    return this.webhooks.deliveries(user.userId, id, q.limit, q.cursor);
  }

  @Get(':id/deliveries/:deliveryId')
  delivery(@CurrentUser() user: Principal, @IdParam('id', 'WEBHOOK_NOT_FOUND', 'No such webhook endpoint') id: string, @IdParam('deliveryId', 'WEBHOOK_DELIVERY_NOT_FOUND', 'No such delivery') deliveryId: string) {
    return this.webhooks.delivery(user.userId, id, deliveryId);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  redeliver(@CurrentUser() user: Principal, @IdParam('id', 'WEBHOOK_NOT_FOUND', 'No such webhook endpoint') id: string, @IdParam('deliveryId', 'WEBHOOK_DELIVERY_NOT_FOUND', 'No such delivery') deliveryId: string) {
    return this.webhooks.redeliver(user.userId, id, deliveryId);
  }
}
