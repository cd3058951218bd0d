import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type UserRole = 'user' | 'admin';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Null only for an anonymous (trial) user, until it is upgraded in place. */
  @Column({ type: 'citext', unique: true, nullable: true }) email!: string | null;
  @Column({ type: 'citext', nullable: true, unique: true }) username!: string | null;
  /** Null for an account made by a magic link that never set a password. */
  @Column({ name: 'password_hash', type: 'text', nullable: true }) passwordHash!: string | null;
  @Column({ name: 'full_name', type: 'text', nullable: true }) fullName!: string | null;
  @Column({ type: 'text', nullable: true }) timezone!: string | null;
  @Column({ name: 'avatar_url', type: 'text', nullable: true }) avatarUrl!: string | null;
  @Column({ type: 'text', default: 'user' }) role!: UserRole;
  @Column({ name: 'is_active', type: 'boolean', default: true }) isActive!: boolean;
  /** A trial user made by POST /v1/auth/anonymous; deleted when untouched for ANONYMOUS_TTL_DAYS. */
  @Column({ name: 'is_anonymous', type: 'boolean', default: false }) isAnonymous!: boolean;
  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true }) emailVerifiedAt!: Date | null;
  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true }) passwordChangedAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
