import { LocalUrlSigner } from './url-signer';

describe('LocalUrlSigner', () => {
  const signer = new LocalUrlSigner('a-test-secret-that-is-long-enough-0123456789', 'http://x', '/v1/files', () => 1_000_000_000_000);
  const { token, exp, sig } = signer.sign('users/u/outputs/2026-01/j/out.mp4', 3600);

  it('accepts its own signature', () => {
    expect(signer.verify(token, String(exp), sig)).toMatchObject({ key: 'users/u/outputs/2026-01/j/out.mp4' });
  });

  it.each([
    ['trailing garbage', `${sig}zz`],
    ['a trailing half byte', `${sig}0`],
    ['upper-case hex', sig.toUpperCase()],
    ['a truncated signature', sig.slice(0, 62)],
    ['surrounding spaces', ` ${sig}`],
  ])('refuses %s: only the exact canonical form counts', (_what, forged) => {
    expect(signer.verify(token, String(exp), forged)).toBeNull();
  });

  it('refuses a non-canonical expiry that parses to the same number', () => {
    for (const e of [`0${exp}`, `${exp}.0`, ` ${exp}`, `+${exp}`]) expect(signer.verify(token, e, sig)).toBeNull();
  });
});
