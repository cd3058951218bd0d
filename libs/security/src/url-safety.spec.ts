import { assertPublicUrl, isPublicAddress } from './url-safety';

const resolveTo = (...addrs: string[]) => async () => addrs;

describe('assertPublicUrl', () => {
  it('accepts https to a public address and reports what it checked', async () => {
    const r = await assertPublicUrl('https://api.example.com/v1', { resolve: resolveTo('93.184.216.34') });
    expect(r.addresses).toEqual(['93.184.216.34']);
  });

  it.each([
    ['http://api.example.com', {}, 'scheme'],
    ['ftp://api.example.com', { allowHttp: true }, 'scheme'],
    ['https://user:pw@api.example.com', {}, 'credentials'],
    ['not a url', {}, 'invalid'],
    ['https://127.0.0.1', {}, 'private_address'],
    ['https://[::1]', {}, 'private_address'],
    ['https://[::ffff:10.0.0.1]', {}, 'private_address'],
    ['https://169.254.169.254', { allowPrivate: true }, 'private_address'],
  ])('refuses %s', async (url, opts, reason) => {
    await expect(assertPublicUrl(url, opts)).rejects.toMatchObject({ code: 'UNSAFE_URL', reason });
  });

  it('refuses a name if any of its addresses is private (no mixed answers)', async () => {
    await expect(assertPublicUrl('https://evil.test', { resolve: resolveTo('8.8.8.8', '10.0.0.5') })).rejects.toMatchObject({ reason: 'private_address' });
  });

  it('allows loopback over http only when both are allowed', async () => {
    await expect(assertPublicUrl('http://127.0.0.1:8080', { allowHttp: true, allowPrivate: true })).resolves.toBeTruthy();
  });

  it('classifies addresses', () => {
    expect(isPublicAddress('8.8.8.8')).toBe(true);
    for (const a of ['10.0.0.1', '192.168.1.1', '100.64.0.1', '0.0.0.0', 'fd00::1', '64:ff9b::7f00:1', 'nonsense']) expect(isPublicAddress(a)).toBe(false);
  });
});
