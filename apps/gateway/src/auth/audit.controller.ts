import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOAuth2, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AppError } from '@clipyard/contracts';
import { RpcClient } from '@clipyard/queue';
import { missingScopes } from './auth.guard';
import { AuditQueryDto } from './auth.dto';
import { CurrentUser, Scopes, type Principal } from './principal';
import { ApiRoute, rpcReply } from '../openapi/api-route.decorator';

/** The caller's audit trail; admins may read anyone's (`user_id`), which is itself audited. */
@ApiTags('audit')
@ApiBearerAuth('bearer')
@ApiOAuth2([], 'oauth2')
@ApiSecurity('api-key')
@Controller('v1/audit-events')
export class AuditController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiRoute({
    id: 'audit.list',
    summary: 'Your audit trail, newest first; admins may pass `user_id` (itself audited)',
    responses: { 200: rpcReply('auth.audit.list') },
  })
  @Scopes('account:read')
  list(@CurrentUser() me: Principal, @Query() q: AuditQueryDto) {
    // Reading someone else's trail is an admin power: the role and, for an API key, the admin scope.
    const asAdmin = me.role === 'admin' && !missingScopes(me, ['admin']).length;
    if (me.role === 'admin' && !asAdmin && q.user_id && q.user_id !== me.userId) {
      throw new AppError('INSUFFICIENT_SCOPE', "Reading another user's audit trail needs an API key with the admin scope", { missing: ['admin'] });
    }
    return this.rpc.call('auth.audit.list', {
      userId: me.userId,
      role: asAdmin ? 'admin' : 'user',
      filterUserId: asAdmin ? q.user_id : undefined,
      action: q.action,
      before: q.before,
      limit: q.limit,
    });
  }
}
