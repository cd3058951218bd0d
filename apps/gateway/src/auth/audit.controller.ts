import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { RpcClient } from '@clipyard/queue';
import { AuditQueryDto } from './auth.dto';
import { CurrentUser, type Principal } from './principal';

/** The caller's audit trail; admins may read anyone's (`user_id`), which is itself audited. */
@ApiTags('audit')
@ApiBearerAuth('bearer')
@ApiSecurity('api-key')
@Controller('v1/audit-events')
export class AuditController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  list(@CurrentUser() me: Principal, @Query() q: AuditQueryDto) {
    return this.rpc.call('auth.audit.list', {
      userId: me.userId,
      role: me.role,
      filterUserId: me.role === 'admin' ? q.user_id : undefined,
      action: q.action,
      before: q.before,
      limit: q.limit,
    });
  }
}
