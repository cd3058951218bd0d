import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { API_KEY_SCOPES } from '@clipyard/contracts';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { AUTH_CONFIG, type AuthConfig } from '../config';
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
    @InjectDataSource() private readonly ds: DataSource,
    private readonly users: UsersService,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async run(): Promise<BootstrapResult> {
    const runner = this.ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK]);
      const [existing] = await runner.query(`SELECT email FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1`);
      if (existing) return { created: false, adminEmail: existing.email };
      const email = this.config.ADMIN_EMAIL ?? 'admin@localhost.localdomain';
      const generatedPassword = !this.config.ADMIN_PASSWORD;
      const password = this.config.ADMIN_PASSWORD ?? `Cy${randomBytes(18).toString('base64url')}7`;
      const user = await this.users.create({ email, password, role: 'admin', emailVerified: true, ctx: { userAgent: 'bootstrap-admin' } });
      const key = await this.apiKeys.create({ userId: user.id, name: 'bootstrap admin', scopes: [...API_KEY_SCOPES] });
      return { created: true, userId: user.id, email: user.email ?? email, password, generatedPassword, apiKey: key.key };
    } finally {
      // nothing was written on this connection: committing only releases the lock
      await runner.commitTransaction().catch(() => runner.rollbackTransaction().catch(() => undefined));
      await runner.release();
    }
  }
}
