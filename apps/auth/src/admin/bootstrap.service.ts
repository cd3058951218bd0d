import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { API_KEY_SCOPES } from '@clipyard/contracts';
import { Database } from '@clipyard/database';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { AUTH_CONFIG, type AuthConfig } from '../config';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';

const BOOTSTRAP_LOCK = 1_732_000_102;

export type BootstrapResult =
  | { created: false; adminEmail: string }
  | { created: true; userId: string; email: string; password: string; generatedPassword: boolean; apiKey: string };

/**
 * Creates the first admin and an API key, once: when any admin exists it does nothing (also
 * under concurrent runs, serialised by an advisory lock). ADMIN_EMAIL / ADMIN_PASSWORD name it.
 * The lock is transaction-scoped, held by a transaction that stays open until the admin exists:
 * behind PgBouncer in transaction mode a session lock could be taken on one server connection and
 * "released" on another, leaving it held forever.
 */
@Injectable()
export class BootstrapService {
  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    private readonly db: Database,
    private readonly users: UsersService,
    private readonly userRows: UsersRepository,
    private readonly apiKeys: ApiKeysService,
  ) {}

  /** Nothing is written on the lock's transaction: its commit only releases the lock (the admin is written on other connections). */
  run(): Promise<BootstrapResult> {
    return this.db.transaction(async (tx) => {
      await this.userRows.advisoryLock(BOOTSTRAP_LOCK, tx);
      const existing = await this.userRows.firstAdmin(tx);
      if (existing) return { created: false, adminEmail: existing.email ?? '' };
      const email = this.config.ADMIN_EMAIL ?? 'admin@localhost.localdomain';
      const generatedPassword = !this.config.ADMIN_PASSWORD;
      const password = this.config.ADMIN_PASSWORD ?? `Cy${randomBytes(18).toString('base64url')}7`;
      const user = await this.users.create({ email, password, role: 'admin', emailVerified: true, ctx: { userAgent: 'bootstrap-admin' } });
      const key = await this.apiKeys.create({ userId: user.id, name: 'bootstrap admin', scopes: [...API_KEY_SCOPES] });
      return { created: true, userId: user.id, email: user.email ?? email, password, generatedPassword, apiKey: key.key };
    });
  }
}
