import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'api_keys' })
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ type: 'text' }) name!: string;
  /** HMAC-SHA256(pepper, key), hex. */
  @Column({ name: 'key_hash', type: 'text', unique: true }) keyHash!: string;
  @Column({ type: 'text' }) prefix!: string;
  @Column({ type: 'text' }) last4!: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) scopes!: string[];
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt!: Date | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  /** Set when the key was rolled: it keeps working until expires_at (the grace period). */
  @Column({ name: 'replaced_by_id', type: 'uuid', nullable: true }) replacedById!: string | null;
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true }) lastUsedAt!: Date | null;
  @Column({ name: 'last_used_ip', type: 'text', nullable: true }) lastUsedIp!: string | null;
  @Column({ name: 'total_requests', type: 'bigint', default: 0 }) totalRequests!: string;
}
