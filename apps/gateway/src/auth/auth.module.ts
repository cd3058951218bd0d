import { Global, Module } from '@nestjs/common';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import { RequestRateLimit } from './request-rate-limit';
import { ApiKeyUsage } from './api-key.usage';
import { ApiKeysController } from './api-keys.controller';
import { AuditController } from './audit.controller';
import { AuthController } from './auth.controller';
import { AccountEmailController } from './account-email.controller';
import { AnonymousController } from './anonymous.controller';
import { JwksController } from './jwks.controller';
import { JwtVerifier } from './jwt.verifier';
import { ProviderKeysController } from './provider-keys.controller';
import { SessionsController } from './sessions.controller';
import { RevokedSessions } from './revoked-sessions';
import { SessionCookies } from './session-cookies';

/** Authentication (used by the global AuthGuard) and the public account, key and audit routes. */
@Global()
@Module({
  controllers: [AuthController, AccountEmailController, AnonymousController, SessionsController, ApiKeysController, ProviderKeysController, AuditController, JwksController],
  providers: [SessionCookies, RevokedSessions, JwtVerifier, ApiKeyUsage, ApiKeyAuthenticator, RequestRateLimit],
  exports: [SessionCookies, JwtVerifier, ApiKeyAuthenticator, ApiKeyUsage, RequestRateLimit],
})
export class AuthModule {}
