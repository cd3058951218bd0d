import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { subscriptionSchema, userView } from '@clipyard/contracts';
import { RpcClient } from '@clipyard/queue';
import { AdminOnly, CurrentUser, type Principal } from '../auth/principal';
import { Client, type ClientCtx } from '../auth/http-context';
import { UserIdParamDto } from '../billing/billing.dto';
import { ApiRoute, rpcReply } from '../openapi/api-route.decorator';

class FindUsersQueryDto extends createZodDto(
  z
    .object({
      q: z.string().trim().max(254).optional().describe('Part of an email or username, or a user id; empty lists the newest users'),
      limit: z.coerce.number().int().min(1).max(100).default(20),
    })
    .strict(),
) {}
class SetActiveDto extends createZodDto(z.object({ active: z.boolean().describe('false deactivates: sessions end and API keys stop at once') }).strict()) {}

/** Admin: find users, see one with their subscription (plan, limits), deactivate and reactivate. Audited. */
@ApiTags('admin')
@AdminOnly()
@Controller('v1/admin/users')
export class AdminUsersController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiRoute({
    id: 'admin.findUsers',
    summary: 'Find users by email, username or id (audited)',
    responses: { 200: rpcReply('auth.admin.users.find') },
  })
  find(@CurrentUser() me: Principal, @Query() q: FindUsersQueryDto, @Client() ctx: ClientCtx) {
    return this.rpc.call('auth.admin.users.find', { actorId: me.userId, query: q.q, limit: q.limit, ctx });
  }

  @Get(':id')
  @ApiRoute({
    id: 'admin.getUser',
    summary: 'A user and their subscription: plan, status, effective limits (audited)',
    responses: { 200: z.object({ user: userView, subscription: subscriptionSchema }) },
    errors: ['NOT_FOUND'],
  })
  async get(@CurrentUser() me: Principal, @Param() p: UserIdParamDto, @Client() ctx: ClientCtx) {
    const user = await this.rpc.call('auth.me.get', { userId: p.id });
    const subscription = await this.rpc.call('subscription.get', { userId: p.id });
    await this.rpc.call('auth.audit.record', { actorId: me.userId, userId: p.id, action: 'admin.read', metadata: { what: 'user' }, ctx });
    return { user, subscription };
  }

  @Put(':id/active')
  @ApiRoute({
    id: 'admin.setUserActive',
    summary: 'Deactivate (sessions and API keys stop at once) or reactivate a user (audited)',
    responses: { 200: rpcReply('auth.admin.users.setActive') },
    errors: ['NOT_FOUND', 'BAD_REQUEST'],
  })
  setActive(@CurrentUser() me: Principal, @Param() p: UserIdParamDto, @Body() body: SetActiveDto, @Client() ctx: ClientCtx) {
    return this.rpc.call('auth.admin.users.setActive', { actorId: me.userId, userId: p.id, active: body.active, ctx });
  }
}
