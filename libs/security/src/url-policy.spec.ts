import { checkUrl, embeddedIPv4, forbiddenReason, resolveUrl, type UrlPolicy } from './url-policy';
import ipaddr from 'ipaddr.js';

const resolveTo = (...addrs: string[]) => async () => addrs;
const closed: UrlPolicy = { allowPrivate: false };
const open: UrlPolicy = { allowPrivate: true };

describe('resolveUrl', () => {
  it('accepts https to a public address and reports what it checked', async () => {
    const r = await resolveUrl('https://api.example.com/v1', closed, { resolve: resolveTo('93.184.216.34') });
    expect(r.addresses).toEqual(['93.184.216.34']);
  });

  it.each([
    ['http://api.example.com', closed, 'scheme'],
    ['ftp://api.example.com', open, 'scheme'],
    ['https://user:pw@api.example.com', closed, 'credentials'],
    ['not a url', closed, 'invalid'],
    ['https://127.0.0.1', closed, 'private_address'],
    ['https://[::1]', closed, 'private_address'],
    ['https://[::ffff:10.0.0.1]', closed, 'private_address'],
    ['https://169.254.169.254', open, 'private_address'],
    ['https://localhost:8443', closed, 'private_address'],
  ] as const)('refuses %s with URL_FORBIDDEN', async (url, policy, reason) => {
    await expect(resolveUrl(url, policy, { httpsOnly: true, resolve: resolveTo('93.184.216.34') })).rejects.toMatchObject({
      code: 'URL_FORBIDDEN',
      details: { reason },
    });
  });

  it('refuses a name if any of its addresses is private (no mixed answers)', async () => {
    await expect(resolveUrl('https://evil.test', closed, { resolve: resolveTo('8.8.8.8', '10.0.0.5') })).rejects.toMatchObject({
      code: 'URL_FORBIDDEN',
      details: { reason: 'private_address' },
    });
  });

  it('refuses a name that does not resolve, naming the field', async () => {
    await expect(resolveUrl('https://nowhere.test', closed, { field: 'callback_url', resolve: resolveTo() })).rejects.toMatchObject({
      code: 'URL_FORBIDDEN',
      details: { reason: 'unresolvable', issues: [{ path: 'callback_url' }] },
    });
  });

  it('allows loopback over http only with the development switch', async () => {
    await expect(resolveUrl('http://127.0.0.1:8080', open, { httpsOnly: true })).resolves.toBeTruthy();
    await expect(resolveUrl('http://127.0.0.1:8080', closed, { httpsOnly: true })).rejects.toMatchObject({ code: 'URL_FORBIDDEN' });
  });
});

describe('checkUrl', () => {
  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'gopher://127.0.0.1:6379/_INFO', 'http://0x7f000001/', 'http://2130706433/', 'http://app.localhost/'])(
    'refuses %s without the network',
    (url) => {
      expect(() => checkUrl(url, closed)).toThrow(expect.objectContaining({ code: 'URL_FORBIDDEN' }));
    },
  );
});

describe('addresses that carry an IPv4 address', () => {
  // Each is 127.0.0.1 (or 10.0.0.1) in an IPv6 disguise: IPv4-compatible, IPv4-mapped, SIIT, NAT64, local NAT64, 6to4.
  it.each(['::7f00:1', '::127.0.0.1', '::ffff:7f00:1', '::ffff:0:7f00:1', '64:ff9b::7f00:1', '64:ff9b:1::7f00:1', '2002:7f00:1::1', '2002:a00:1::', '::a00:1'])(
    'judges %s by its embedded IPv4 address',
    (ip) => {
      expect(forbiddenReason(ip, closed)).toMatch(/embedded in/);
      expect(() => checkUrl(`http://[${ip}]/`, closed)).toThrow(expect.objectContaining({ code: 'URL_FORBIDDEN' }));
    },
  );

  it('lets the same forms through when they carry a public address', () => {
    for (const ip of ['::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1', '::808:808']) expect(forbiddenReason(ip, closed)).toBeNull();
    expect(embeddedIPv4(ipaddr.parse('2002:c000:204::1') as ipaddr.IPv6)?.toString()).toBe('192.0.2.4');
  });

  it('still refuses loopback and unspecified, and Teredo (whose inner address is hidden)', () => {
    for (const ip of ['::1', '::', '2001::1']) expect(forbiddenReason(ip, closed)).not.toBeNull();
  });

  it('classifies addresses', () => {
    expect(forbiddenReason('8.8.8.8', closed)).toBeNull();
    for (const a of ['10.0.0.1', '192.168.1.1', '100.64.0.1', '0.0.0.0', 'fd00::1', '64:ff9b::7f00:1', 'nonsense']) expect(forbiddenReason(a, closed)).not.toBeNull();
  });
});
