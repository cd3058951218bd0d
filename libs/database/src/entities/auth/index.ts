import { UserEntity } from './user.entity';
import { RefreshTokenEntity, SessionEntity } from './session.entity';
import { ApiKeyEntity } from './api-key.entity';
import { ProviderKeyEntity } from './provider-key.entity';
import { AuditEventEntity } from './audit-event.entity';
import { SigningKeyEntity } from './signing-key.entity';

export * from './user.entity';
export * from './session.entity';
export * from './api-key.entity';
export * from './provider-key.entity';
export * from './audit-event.entity';
export * from './signing-key.entity';

/** Tables the auth app owns (only it writes them). */
export const AUTH_ENTITIES = [
  UserEntity,
  SessionEntity,
  RefreshTokenEntity,
  ApiKeyEntity,
  ProviderKeyEntity,
  AuditEventEntity,
  SigningKeyEntity,
];
