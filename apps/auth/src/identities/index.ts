import { IdentitiesRepository } from './identities.repository';
import { IdentitiesRpc } from './identities.rpc';
import { IdentitiesService } from './identities.service';
import { OAuthCodes } from './oauth-codes';
import { SocialSignInService } from './social-sign-in.service';

/** Social / OIDC sign-in and linked identities. */
export const IDENTITY_PROVIDERS = [IdentitiesRepository, OAuthCodes, SocialSignInService, IdentitiesService, IdentitiesRpc];
