import { ACCOUNT_EMAIL_PROVIDERS } from './account-email';
import { IDENTITY_PROVIDERS } from './identities';
import { ANONYMOUS_PROVIDERS } from './anonymous';
import { MFA_PROVIDERS } from './mfa';
import { OutboxConsumer } from './outbox/outbox.consumer';
import { ApiKeyCache } from './api-keys/api-key.cache';
import { ApiKeysRepository } from './api-keys/api-keys.repository';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AuditEventsRepository } from './audit/audit-events.repository';
import { AuditService } from './audit/audit.service';
import { AuthRpc } from './auth.rpc';
import { AdminUsersRpc } from './admin/admin-users.rpc';
import { BootstrapService } from './admin/bootstrap.service';
import { RateLimits } from './common/rate-limits.service';
import { AuthRedis } from './common/redis.provider';
import { ProviderKeysRepository } from './provider-keys/provider-keys.repository';
import { ProviderKeysService } from './provider-keys/provider-keys.service';
import { RefreshTokensRepository } from './sessions/refresh-tokens.repository';
import { SessionsRepository } from './sessions/sessions.repository';
import { SessionsService } from './sessions/sessions.service';
import { SessionRevocations } from './sessions/session-revocations';
import { SigningKeysRepository } from './tokens/signing-keys.repository';
import { SigningKeys } from './tokens/signing-keys.service';
import { AccountService } from './users/account.service';
import { PasswordHasher } from './users/password.hasher';
import { UsersRepository } from './users/users.repository';
import { UsersService } from './users/users.service';

/** Every auth service and repository (reachable in the REPL with get(UsersService) etc.). */
export const AUTH_PROVIDERS = [
  AuthRedis,
  RateLimits,
  AuditEventsRepository,
  AuditService,
  PasswordHasher,
  UsersRepository,
  UsersService,
  SigningKeysRepository,
  SigningKeys,
  SessionRevocations,
  SessionsRepository,
  RefreshTokensRepository,
  SessionsService,
  ApiKeyCache,
  ApiKeysRepository,
  ApiKeysService,
  ProviderKeysRepository,
  ProviderKeysService,
  ...ACCOUNT_EMAIL_PROVIDERS,
  ...IDENTITY_PROVIDERS,
  ...ANONYMOUS_PROVIDERS,
  ...MFA_PROVIDERS,
  OutboxConsumer,
  AccountService,
  AuthRpc,
  AdminUsersRpc,
  BootstrapService,
];
