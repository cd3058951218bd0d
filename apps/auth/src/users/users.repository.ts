import { Injectable } from '@nestjs/common';
import { Database, UserEntity, query, one, type Row, type Tx, type UserRole } from '@clipyard/database';

/** LIKE metacharacters in a search are literal. */
const literal = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The `users` table (the anonymous lifecycle is in AnonymousUsersRepository). A user's own row is
 * its tenant data: every method names the user, except the sign-in lookups by address or name,
 * the admin search and the bootstrap's "is there an admin yet".
 */
@Injectable()
export class UsersRepository {
  private readonly toUser: (row: Row) => UserEntity;
  /** The sign-in lookup: a prepared statement, so its column list is explicit (not `*`). */
  private readonly byEmail: string;

  constructor(private readonly db: Database) {
    this.toUser = db.records(UserEntity);
    this.byEmail = `SELECT ${db.columns(UserEntity, 'u', '')} FROM users u WHERE u.email = $1 LIMIT 1`;
  }

  async find(userId: string, tx: Tx = this.db.tx): Promise<UserEntity | null> {
    const row = await one(tx, 'SELECT * FROM users WHERE id = $1 LIMIT 1', [userId]);
    return row ? this.toUser(row) : null;
  }

  /** The user's row under FOR UPDATE (serialises per-user limits such as the API key count). */
  async lock(userId: string, tx: Tx): Promise<UserEntity | null> {
    const row = await one(tx, 'SELECT * FROM users WHERE id = $1 LIMIT 1 FOR UPDATE', [userId]);
    return row ? this.toUser(row) : null;
  }

  /** By address (citext: case-insensitive). */
  async findByEmail(email: string, tx: Tx = this.db.tx): Promise<UserEntity | null> {
    const row = await one(tx, this.byEmail, [email], { prepare: true });
    return row ? this.toUser(row) : null;
  }

  async findByUsername(username: string): Promise<UserEntity | null> {
    const row = await one(this.db.tx, 'SELECT * FROM users WHERE username = $1 LIMIT 1', [username]);
    return row ? this.toUser(row) : null;
  }

  async emailTaken(email: string, tx: Tx = this.db.tx): Promise<boolean> {
    return (await one(tx, 'SELECT 1 FROM users WHERE email = $1 LIMIT 1', [email])) !== undefined;
  }

  async usernameTaken(username: string): Promise<boolean> {
    return (await one(this.db.tx, 'SELECT 1 FROM users WHERE username = $1 LIMIT 1', [username])) !== undefined;
  }

  /** A new account; `users_email_uq` / `users_username_uq` propagate as unique violations. */
  async insert(
    u: Pick<UserEntity, 'email' | 'passwordHash' | 'role'> & Partial<Pick<UserEntity, 'username' | 'fullName' | 'emailVerifiedAt'>>,
    tx: Tx = this.db.tx,
  ): Promise<UserEntity> {
    const row = await one(
      tx,
      `INSERT INTO users (email, username, password_hash, full_name, role, email_verified_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [u.email, u.username ?? null, u.passwordHash, u.fullName ?? null, u.role, u.emailVerifiedAt ?? null],
    );
    return this.toUser(row!);
  }

  async updateProfile(userId: string, p: Pick<UserEntity, 'fullName' | 'timezone' | 'avatarUrl' | 'updatedAt'>): Promise<void> {
    await query(this.db.tx, 'UPDATE users SET full_name = $2, timezone = $3, avatar_url = $4, updated_at = $5 WHERE id = $1', [
      userId,
      p.fullName,
      p.timezone,
      p.avatarUrl,
      p.updatedAt,
    ]);
  }

  /** A new password hash; `emailVerifiedAt` (a reset link proved the address) sets that too. */
  async setPassword(userId: string, p: { passwordHash: string; at: Date; emailVerifiedAt?: Date | null }, tx: Tx = this.db.tx): Promise<void> {
    await query(
      tx,
      `UPDATE users SET password_hash = $2, password_changed_at = $3, updated_at = $3, email_verified_at = COALESCE($4, email_verified_at) WHERE id = $1`,
      [userId, p.passwordHash, p.at, p.emailVerifiedAt ?? null],
    );
  }

  /** Moves the account to a new (verified) address; `users_email_uq` propagates. */
  async setEmail(userId: string, email: string, tx: Tx = this.db.tx): Promise<void> {
    const at = new Date();
    await query(tx, 'UPDATE users SET email = $2, email_verified_at = $3, updated_at = $3 WHERE id = $1', [userId, email, at]);
  }

  async setRole(userId: string, role: UserRole): Promise<void> {
    await query(this.db.tx, 'UPDATE users SET role = $2, updated_at = $3 WHERE id = $1', [userId, role, new Date()]);
  }

  async setActive(userId: string, active: boolean): Promise<void> {
    await query(this.db.tx, 'UPDATE users SET is_active = $2, updated_at = $3 WHERE id = $1', [userId, active, new Date()]);
  }

  /** Sets email_verified_at once (a later call keeps the first time). */
  async markVerified(userId: string): Promise<void> {
    await query(this.db.tx, 'UPDATE users SET email_verified_at = now(), updated_at = now() WHERE id = $1 AND email_verified_at IS NULL', [userId]);
  }

  /** Deletes the account (its sessions, keys and tokens go by foreign key); false when there was no such row. */
  async delete(userId: string, opts: { onlyAnonymous?: boolean } = {}, tx: Tx = this.db.tx): Promise<boolean> {
    const gone = await query(tx, `DELETE FROM users WHERE id = $1 ${opts.onlyAnonymous ? 'AND is_anonymous' : ''} RETURNING id`, [userId]);
    return gone.length > 0;
  }

  /** Admin search: users whose email or username contains `text` (LIKE metacharacters literal), every user without it; newest first. */
  async search(text: string, limit: number): Promise<UserEntity[]> {
    const rows = text
      ? await query(this.db.tx, 'SELECT * FROM users WHERE email ILIKE $1 OR username ILIKE $2 ORDER BY created_at DESC LIMIT $3', [
          `%${literal(text.toLowerCase())}%`,
          `%${literal(text)}%`,
          limit,
        ])
      : await query(this.db.tx, 'SELECT * FROM users ORDER BY created_at DESC LIMIT $1', [limit]);
    return rows.map(this.toUser);
  }

  /** The first admin, if any (bootstrap). */
  firstAdmin(tx: Tx = this.db.tx): Promise<{ email: string | null } | undefined> {
    return one<{ email: string | null }>(tx, `SELECT email FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1`);
  }

  /** A transaction-scoped advisory lock, held until `tx` ends. */
  async advisoryLock(key: number, tx: Tx): Promise<void> {
    await query(tx, 'SELECT pg_advisory_xact_lock($1)', [key]);
  }
}
