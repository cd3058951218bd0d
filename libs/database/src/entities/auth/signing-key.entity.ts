import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Access-token signing keys; the private half is sealed with the master encryption key. */
@Entity({ name: 'signing_keys' })
export class SigningKeyEntity {
  @PrimaryColumn({ type: 'text' }) kid!: string;
  @Column({ type: 'text' }) alg!: string;
  @Column({ name: 'public_jwk', type: 'jsonb' }) publicJwk!: { kty: string; [member: string]: unknown };
  @Column({ name: 'private_key', type: 'text' }) privateKey!: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  /** When a newer key took over signing; published until retired_at + token lifetime. */
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true }) retiredAt!: Date | null;
}
