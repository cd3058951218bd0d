import { createHash } from 'node:crypto';
import { pkceMatches } from './oauth-codes';

describe('PKCE S256 check of the one-time sign-in code', () => {
  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'; // RFC 7636 appendix B
  const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

  it('accepts the RFC 7636 example and refuses a missing, wrong or malformed verifier', () => {
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(challenge);
    expect(pkceMatches(challenge, verifier)).toBe(true);
    expect(pkceMatches(challenge, undefined)).toBe(false);
    expect(pkceMatches(challenge, `${verifier.slice(0, -1)}Y`)).toBe(false);
    expect(pkceMatches(challenge, 'short')).toBe(false);
    expect(pkceMatches(challenge, challenge)).toBe(false);
  });
});
