import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { UserEntity } from '@clipyard/database';
import { rowsOf } from '../outbox/outbox.repository';

/** The anonymous (trial) lifecycle of `users` rows: creation, upgrade in place, and finding the stale ones. */
@Injectable()
export class AnonymousUsersRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  insert(): Promise<UserEntity> {
    const repo = this.ds.getRepository(UserEntity);
    return repo.save(repo.create({ email: null, passwordHash: null, role: 'user', isAnonymous: true }));
  }

  /**
   * Gives an anonymous user its email (and password, when one is set) in place: same id, so its
   * jobs, uploads and usage stay where they are. False when the user is not anonymous (any more).
   * A taken email surfaces as the unique violation `users_email_uq`.
   */
  async upgrade(m: EntityManager, userId: string, p: { email: string; passwordHash: string | null; emailVerified: boolean }): Promise<boolean> {
    const res = await m.query(
      `UPDATE users SET email = $2, password_hash = COALESCE($3, password_hash), is_anonymous = false,
         email_verified_at = CASE WHEN $4::boolean THEN now() ELSE email_verified_at END,
         password_changed_at = CASE WHEN $3::text IS NULL THEN password_changed_at ELSE now() END, updated_at = now()
       WHERE id = $1 AND is_anonymous RETURNING id`,
      [userId, p.email, p.passwordHash, p.emailVerified],
    );
    return rowsOf(res).length === 1;
  }

  /**
   * Anonymous users untouched for `ttlDays`: no change to the user, no session used (refreshes
   * happen every few minutes while someone works) and no API key used since.
   */
  stale(ttlDays: number, limit: number): Promise<UserEntity[]> {
    return this.ds
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.is_anonymous')
      .andWhere(`u.updated_at < now() - make_interval(days => :ttlDays)`, { ttlDays })
      .andWhere(`NOT EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = u.id AND s.last_used_at >= now() - make_interval(days => :ttlDays))`)
      .andWhere(`NOT EXISTS (SELECT 1 FROM api_keys k WHERE k.user_id = u.id AND k.last_used_at >= now() - make_interval(days => :ttlDays))`)
      .orderBy('u.updated_at')
      .limit(limit)
      .getMany();
  }
}
