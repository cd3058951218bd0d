import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import { RequestRateLimit } from './request-rate-limit';
import { ApiKeyUsage } from './api-key.usage';
import { ApiKeysController } from './api-keys.controller';
import { AuditController } from './audit.controller';
import { AuthController } from './auth.controller';
import { AccountEmailController } from './account-email.controller';
import { AnonymousController } from './anonymous.controller';
import { MfaController } from './mfa.controller';
import { JwksController } from './jwks.controller';
import { JwtVerifier } from './jwt.verifier';
import { ProviderKeysController } from './provider-keys.controller';
import { SessionsController } from './sessions.controller';
import { RevokedSessions } from './revoked-sessions';
import { SessionCookies } from './session-cookies';
import { AccessTokenStrategy } from './strategies/access-token.strategy';
import { ApiKeyStrategy } from './strategies/api-key.strategy';
import { GatewayPassport } from './strategies/gateway-passport.service';
import { OAuthClients } from './oauth/oauth-clients';
import { OAuthController } from './oauth/oauth.controller';
import { OAuthService } from './oauth/oauth.service';
import { OAuthStateStore } from './oauth/oauth-state.store';

/** Authentication (used by the global AuthGuard) and the public account, key and audit routes. */
@Global()
@Module({
  // Verification keys come per token from the JWKS (JwtVerifier), so no secret here.
  imports: [JwtModule.register({})],
  controllers: [AuthController, OAuthController, AccountEmailController, AnonymousController, MfaController, SessionsController, ApiKeysController, ProviderKeysController, AuditController, JwksController],
  providers: [SessionCookies, RevokedSessions, JwtVerifier, ApiKeyUsage, ApiKeyAuthenticator, RequestRateLimit, ApiKeyStrategy, AccessTokenStrategy, GatewayPassport, OAuthClients, OAuthStateStore, OAuthService],
  exports: [SessionCookies, JwtVerifier, ApiKeyAuthenticator, ApiKeyUsage, RequestRateLimit, GatewayPassport],
})
export class AuthModule {}
