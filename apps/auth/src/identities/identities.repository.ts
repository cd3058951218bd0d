import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface IdentityRow {
  id: string;
  userId: string;
  provider: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
}

const COLUMNS = `id, user_id AS "userId", provider, subject, email, email_verified AS "emailVerified",
  created_at AS "createdAt", last_used_at AS "lastUsedAt"`;
const rows = <T>(res: unknown): T[] => (Array.isArray(res) && Array.isArray(res[0]) ? res[0] : res) as T[];

/** The `identities` table: provider accounts linked to users (one per provider subject, one per provider and user). */
@Injectable()
export class IdentitiesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async findBySubject(provider: string, subject: string): Promise<IdentityRow | null> {
    const [row] = await this.ds.query(`SELECT ${COLUMNS} FROM identities WHERE provider = $1 AND subject = $2`, [provider, subject]);
    return row ?? null;
  }

  listForUser(userId: string): Promise<IdentityRow[]> {
    return this.ds.query(`SELECT ${COLUMNS} FROM identities WHERE user_id = $1 ORDER BY created_at, id`, [userId]);
  }

  countForUser(userId: string): Promise<number> {
    return this.ds.query('SELECT count(*)::int AS n FROM identities WHERE user_id = $1', [userId]).then((r) => r[0].n as number);
  }

  /** Links an identity; a unique violation (identities_provider_subject_uq / identities_user_provider_uq) propagates. */
  async insert(i: { userId: string; provider: string; subject: string; email: string | null; emailVerified: boolean }): Promise<IdentityRow> {
    const res = await this.ds.query(
      `INSERT INTO identities (user_id, provider, subject, email, email_verified, last_used_at) VALUES ($1, $2, $3, $4, $5, now()) RETURNING ${COLUMNS}`,
      [i.userId, i.provider, i.subject, i.email, i.emailVerified],
    );
    return rows<IdentityRow>(res)[0];
  }

  /** Notes a sign-in with the identity and what the provider says now. */
  async touch(id: string, email: string | null, emailVerified: boolean): Promise<void> {
    await this.ds.query('UPDATE identities SET last_used_at = now(), email = $2, email_verified = $3 WHERE id = $1', [id, email, emailVerified]);
  }

  /**
   * A new account and its first identity, in one transaction. `users_email_uq` (the address
   * registered meanwhile) propagates.
   */
  async createUserWithIdentity(u: { email: string; emailVerified: boolean; fullName: string | null; provider: string; subject: string }): Promise<{ userId: string }> {
    return this.ds.transaction(async (m) => {
      const [user] = await m.query(
        `INSERT INTO users (email, password_hash, full_name, role, email_verified_at) VALUES ($1, NULL, $2, 'user', CASE WHEN $3::boolean THEN now() END) RETURNING id`,
        [u.email, u.fullName, u.emailVerified],
      );
      await m.query(
        `INSERT INTO identities (user_id, provider, subject, email, email_verified, last_used_at) VALUES ($1, $2, $3, $4, $5, now())`,
        [user.id, u.provider, u.subject, u.email, u.emailVerified],
      );
      return { userId: user.id as string };
    });
  }

  /**
   * Unlinks one of the user's identities unless it is their last way to sign in (no password and
   * no other identity), decided under a lock on the user's row so two concurrent unlinks cannot
   * both pass. 'not_found' | 'last' | 'deleted'.
   */
  async deleteUnlessLast(userId: string, identityId: string): Promise<'not_found' | 'last' | IdentityRow> {
    return this.ds.transaction(async (m) => {
      const [user] = await m.query('SELECT password_hash IS NOT NULL AS "hasPassword" FROM users WHERE id = $1 FOR UPDATE', [userId]);
      if (!user) return 'not_found';
      const mine: IdentityRow[] = await m.query(`SELECT ${COLUMNS} FROM identities WHERE user_id = $1`, [userId]);
      const target = mine.find((i) => i.id === identityId);
      if (!target) return 'not_found';
      if (!user.hasPassword && mine.length <= 1) return 'last';
      await m.query('DELETE FROM identities WHERE id = $1 AND user_id = $2', [identityId, userId]);
      return target;
    });
  }
}
