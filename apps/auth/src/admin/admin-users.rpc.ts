import { Injectable } from '@nestjs/common';
import { AppError, type AdminUsersMethod } from '@clipyard/contracts';
import { RpcController, type RpcHandlers } from '@clipyard/queue';
import { AuditService } from '../audit/audit.service';
import { AccountService } from '../users/account.service';
import { toUserView } from '../users/user.view';
import { UsersRepository } from '../users/users.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The admin page's user management over RPC (the gateway has checked the admin role and scope). */
@Injectable()
@RpcController('auth')
export class AdminUsersRpc {
  constructor(
    private readonly users: UsersRepository,
    private readonly account: AccountService,
    private readonly audit: AuditService,
  ) {}

  handlers(): Pick<RpcHandlers<'auth'>, AdminUsersMethod> {
    return {
      'auth.admin.users.find': async (p) => {
        const q = p.query?.trim() ?? '';
        const byId = UUID.test(q) ? await this.users.find(q) : undefined;
        const rows = byId !== undefined ? (byId ? [byId] : []) : await this.users.search(q, p.limit);
        await this.audit.record('admin.read', { userId: null, actorId: p.actorId, metadata: { what: 'users.find', query: q.slice(0, 100) }, ctx: p.ctx });
        return { data: rows.map(toUserView) };
      },
      'auth.admin.users.setActive': async (p) => {
        if (p.userId === p.actorId && !p.active) throw new AppError('BAD_REQUEST', 'You cannot deactivate your own account');
        return this.account.setActive(p.userId, p.active, p.actorId);
      },
    };
  }
}
