import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ILike, type FindOptionsWhere, type Repository } from 'typeorm';
import { AppError, type AdminUsersMethod } from '@clipyard/contracts';
import { UserEntity } from '@clipyard/database';
import { RpcController, type RpcHandlers } from '@clipyard/queue';
import { AuditService } from '../audit/audit.service';
import { AccountService } from '../users/account.service';
import { toUserView } from '../users/user.view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** LIKE metacharacters in a search are literal. */
const literal = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The admin page's user management over RPC (the gateway has checked the admin role and scope). */
@Injectable()
@RpcController('auth')
export class AdminUsersRpc {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly account: AccountService,
    private readonly audit: AuditService,
  ) {}

  handlers(): Pick<RpcHandlers<'auth'>, AdminUsersMethod> {
    return {
      'auth.admin.users.find': async (p) => {
        const q = p.query?.trim() ?? '';
        let where: FindOptionsWhere<UserEntity>[] | undefined;
        if (UUID.test(q)) where = [{ id: q }];
        else if (q) where = [{ email: ILike(`%${literal(q.toLowerCase())}%`) }, { username: ILike(`%${literal(q)}%`) }];
        const rows = await this.users.find({ where, order: { createdAt: 'DESC' }, take: p.limit });
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
