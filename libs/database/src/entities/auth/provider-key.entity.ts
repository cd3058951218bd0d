import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'provider_keys' })
export class ProviderKeyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ type: 'text' }) provider!: string;
  /** AES-256-GCM envelope (`v<n>.<iv>.<tag>.<ct>`), AAD = user id + provider. */
  @Column({ type: 'text' }) ciphertext!: string;
  @Column({ name: 'key_version', type: 'int' }) keyVersion!: number;
  @Column({ type: 'text' }) last4!: string;
  @Column({ name: 'base_url', type: 'text', nullable: true }) baseUrl!: string | null;
  @Column({ type: 'text', nullable: true }) label!: string | null;
  @Column({ type: 'text', default: 'active' }) status!: 'active' | 'error';
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  @Column({ name: 'last_error_at', type: 'timestamptz', nullable: true }) lastErrorAt!: Date | null;
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true }) lastUsedAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
