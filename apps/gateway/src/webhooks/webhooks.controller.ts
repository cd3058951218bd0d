import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Scopes, type Principal } from '../auth/principal';
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
  @Scopes('webhooks:write')
  create(@CurrentUser() user: Principal, @Body() body: CreateWebhookDto) {
    return this.webhooks.create(user.userId, body);
  }

  @Get()
  @Scopes('webhooks:read')
  list(@CurrentUser() user: Principal) {
    return this.webhooks.list(user.userId);
  }

  /** Creates or rotates the secret that signs per-job `callback_url` deliveries (shown once). */
  @Post('callback-secret')
  @HttpCode(200)
  @Scopes('webhooks:write')
  callbackSecret(@CurrentUser() user: Principal, @Body() body: RotateSecretDto) {
    return this.webhooks.rotateCallbackSecret(user.userId, body?.overlap_hours);
  }

  @Get(':id')
  @Scopes('webhooks:read')
  get(@CurrentUser() user: Principal, @Param('id') id: string) {
    return this.webhooks.get(user.userId, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @Scopes('webhooks:write')
  async remove(@CurrentUser() user: Principal, @Param('id') id: string): Promise<void> {
    await this.webhooks.remove(user.userId, id);
  }

  /** Sends a `webhook.test` event to this endpoint now. */
  @Post(':id/test')
  @HttpCode(202)
  @Scopes('webhooks:write')
  test(@CurrentUser() user: Principal, @Param('id') id: string) {
    return this.webhooks.test(user.userId, id);
  }

  /** New secret (shown once); the previous one keeps signing during the overlap. */
  @Post(':id/rotate-secret')
  @HttpCode(200)
  @Scopes('webhooks:write')
  rotate(@CurrentUser() user: Principal, @Param('id') id: string, @Body() body: RotateSecretDto) {
    return this.webhooks.rotate(user.userId, id, body?.overlap_hours);
  }

  @Get(':id/deliveries')
  @Scopes('webhooks:read')
  deliveries(@CurrentUser() user: Principal, @Param('id') id: string, @Query() q: ListDeliveriesDto) {
    return this.webhooks.deliveries(user.userId, id, q.limit, q.cursor);
  }

  @Get(':id/deliveries/:deliveryId')
  @Scopes('webhooks:read')
  delivery(@CurrentUser() user: Principal, @Param('id') id: string, @Param('deliveryId') deliveryId: string) {
    return this.webhooks.delivery(user.userId, id, deliveryId);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @Scopes('webhooks:write')
  redeliver(@CurrentUser() user: Principal, @Param('id') id: string, @Param('deliveryId') deliveryId: string) {
    return this.webhooks.redeliver(user.userId, id, deliveryId);
  }
}
