import { Injectable } from '@nestjs/common';
import { AppError, type IdentityView } from '@clipyard/contracts';
import { AuditService } from '../audit/audit.service';
import { iso, type RequestCtx } from '../common/context';
import { IdentitiesRepository, type IdentityRow } from './identities.repository';

const view = (i: IdentityRow): IdentityView => ({
  id: i.id,
  provider: i.provider,
  email: i.email,
  email_verified: i.emailVerified,
  created_at: iso(i.createdAt)!,
  last_used_at: iso(i.lastUsedAt),
});

/** The provider identities linked to an account: list and unlink (never the last way to sign in). */
@Injectable()
export class IdentitiesService {
  constructor(
    private readonly identities: IdentitiesRepository,
    private readonly audit: AuditService,
  ) {}

  async list(userId: string): Promise<{ data: IdentityView[] }> {
    return { data: (await this.identities.listForUser(userId)).map(view) };
  }

  async unlink(userId: string, identityId: string, ctx: RequestCtx): Promise<void> {
    const res = await this.identities.deleteUnlessLast(userId, identityId);
    if (res === 'not_found') throw new AppError('NOT_FOUND', 'Identity not found');
    if (res === 'last') {
      throw new AppError('LAST_SIGN_IN_METHOD', 'This is the only way to sign in to this account: set a password or link another provider first');
    }
    await this.audit.record('identity.unlinked', { userId, ctx, metadata: { provider: res.provider, identity_id: res.id } });
  }
}
