import { Injectable } from '@nestjs/common';
import { Database, UserEntity, one, query, type Row, type Tx } from '@clipyard/database';

/** The anonymous (trial) lifecycle of `users` rows: creation, upgrade in place, and finding the stale ones. */
@Injectable()
export class AnonymousUsersRepository {
  private readonly toUser: (row: Row) => UserEntity;

  constructor(private readonly db: Database) {
    this.toUser = db.records(UserEntity);
  }

  async insert(tx: Tx = this.db.tx): Promise<UserEntity> {
    const row = await one(tx, `INSERT INTO users (email, password_hash, role, is_anonymous) VALUES (NULL, NULL, 'user', true) RETURNING *`);
    return this.toUser(row!);
  }

  /**
   * Gives an anonymous user its email (and password, when one is set) in place: same id, so its
   * jobs, uploads and usage stay where they are. False when the user is not anonymous (any more).
   * A taken email surfaces as the unique violation `users_email_uq`.
   */
  async upgrade(userId: string, p: { email: string; passwordHash: string | null; emailVerified: boolean }, tx: Tx = this.db.tx): Promise<boolean> {
    const rows = await query(
      tx,
      `UPDATE users SET email = $2, password_hash = COALESCE($3, password_hash), is_anonymous = false,
         email_verified_at = CASE WHEN $4::boolean THEN now() ELSE email_verified_at END,
         password_changed_at = CASE WHEN $3::text IS NULL THEN password_changed_at ELSE now() END, updated_at = now()
       WHERE id = $1 AND is_anonymous RETURNING id`,
      [userId, p.email, p.passwordHash, p.emailVerified],
    );
    return rows.length === 1;
  }

  /**
   * Anonymous users untouched for `ttlDays`: no change to the user, no session used (refreshes
   * happen every few minutes while someone works) and no API key used since. Across every user
   * (the TTL sweep), so it names none.
   */
  async stale(ttlDays: number, limit: number, tx: Tx = this.db.tx): Promise<UserEntity[]> {
    const rows = await query(
      tx,
      `SELECT u.* FROM users u
       WHERE u.is_anonymous AND u.updated_at < now() - make_interval(days => $1)
         AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = u.id AND s.last_used_at >= now() - make_interval(days => $1))
         AND NOT EXISTS (SELECT 1 FROM api_keys k WHERE k.user_id = u.id AND k.last_used_at >= now() - make_interval(days => $1))
       ORDER BY u.updated_at LIMIT $2`,
      [ttlDays, limit],
    );
    return rows.map(this.toUser);
  }
}
