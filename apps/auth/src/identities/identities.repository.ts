import { Injectable } from '@nestjs/common';
import { Database, one, query, type Tx } from '@clipyard/database';

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

/** The `identities` table: provider accounts linked to users (one per provider subject, one per provider and user). */
@Injectable()
export class IdentitiesRepository {
  constructor(private readonly db: Database) {}

  /** The sign-in lookup: which account a provider subject is (no owner known yet). */
  async findBySubject(provider: string, subject: string, tx: Tx = this.db.tx): Promise<IdentityRow | null> {
    return (await one<IdentityRow>(tx, `SELECT ${COLUMNS} FROM identities WHERE provider = $1 AND subject = $2`, [provider, subject])) ?? null;
  }

  listForUser(userId: string, tx: Tx = this.db.tx): Promise<IdentityRow[]> {
    return query<IdentityRow>(tx, `SELECT ${COLUMNS} FROM identities WHERE user_id = $1 ORDER BY created_at, id`, [userId]);
  }

  /** Links an identity; a unique violation (identities_provider_subject_uq / identities_user_provider_uq) propagates. */
  async insert(i: { userId: string; provider: string; subject: string; email: string | null; emailVerified: boolean }, tx: Tx = this.db.tx): Promise<IdentityRow> {
    const row = await one<IdentityRow>(
      tx,
      `INSERT INTO identities (user_id, provider, subject, email, email_verified, last_used_at) VALUES ($1, $2, $3, $4, $5, now()) RETURNING ${COLUMNS}`,
      [i.userId, i.provider, i.subject, i.email, i.emailVerified],
    );
    return row!;
  }

  /** Notes a sign-in with the identity and what the provider says now. */
  async touch(userId: string, id: string, email: string | null, emailVerified: boolean, tx: Tx = this.db.tx): Promise<void> {
    await query(tx, 'UPDATE identities SET last_used_at = now(), email = $3, email_verified = $4 WHERE id = $1 AND user_id = $2', [
      id,
      userId,
      email,
      emailVerified,
    ]);
  }

  /**
   * Unlinks one of the user's identities unless it is their last way to sign in (no password and
   * no other identity), decided under a lock on the user's row so two concurrent unlinks cannot
   * both pass. 'not_found' | 'last' | 'deleted'.
   */
  async deleteUnlessLast(userId: string, identityId: string): Promise<'not_found' | 'last' | IdentityRow> {
    return this.db.transaction(async (tx) => {
      const user = await one<{ hasPassword: boolean }>(tx, 'SELECT password_hash IS NOT NULL AS "hasPassword" FROM users WHERE id = $1 FOR UPDATE', [userId]);
      if (!user) return 'not_found';
      const mine = await query<IdentityRow>(tx, `SELECT ${COLUMNS} FROM identities WHERE user_id = $1`, [userId]);
      const target = mine.find((i) => i.id === identityId);
      if (!target) return 'not_found';
      if (!user.hasPassword && mine.length <= 1) return 'last';
      await query(tx, 'DELETE FROM identities WHERE id = $1 AND user_id = $2', [identityId, userId]);
      return target;
    });
  }
}
