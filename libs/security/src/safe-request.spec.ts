import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { AppError } from '@clipyard/contracts';
import { safeRequest } from './safe-request';
import { checkedLookup, forbiddenReason, type UrlPolicy } from './url-policy';

const closed: UrlPolicy = { allowPrivate: false };
const open: UrlPolicy = { allowPrivate: true };
const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => (e instanceof AppError ? e.code : String(e)));

let server: http.Server;
let base: string;
let port: number;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const u = new URL(req.url!, 'http://x');
    if (u.pathname === '/ok') return res.end('fine');
    if (u.pathname === '/redirect') {
      res.writeHead(302, { location: u.searchParams.get('to')! });
      return res.end();
    }
    if (u.pathname === '/loop') {
      res.writeHead(302, { location: '/loop' });
      return res.end();
    }
    if (u.pathname === '/big') {
      res.writeHead(200, { 'content-length': '20000' });
      return res.end(Buffer.alloc(20000));
    }
    if (u.pathname === '/big-chunked') {
      res.write(Buffer.alloc(8000));
      res.write(Buffer.alloc(8000));
      return res.end();
    }
    if (u.pathname === '/hang') return; // never answers
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('forbiddenReason', () => {
  it.each([
    '127.0.0.1', '10.0.0.8', '172.16.3.4', '192.168.1.1', '100.64.0.1', '169.254.169.254', '0.0.0.0', '224.0.0.1',
    '255.255.255.255', '::1', '::', 'fe80::1', 'fd00:ec2::254', 'fc00::1', 'ff02::1', '::ffff:127.0.0.1',
    '::ffff:169.254.169.254', '2002:7f00:1::', '64:ff9b::7f00:1', '2001:db8::1', '192.0.2.1', '240.0.0.1',
  ])('refuses %s by default', (ip) => {
    expect(forbiddenReason(ip, closed)).not.toBeNull();
  });

  it.each(['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows public %s', (ip) => {
    expect(forbiddenReason(ip, closed)).toBeNull();
  });

  it('allowPrivate opens loopback and RFC 1918 but never metadata, link-local or multicast', () => {
    for (const ip of ['127.0.0.1', '10.0.0.8', '::1', 'fd12::1']) expect(forbiddenReason(ip, open)).toBeNull();
    for (const ip of ['169.254.169.254', 'fd00:ec2::254', 'fe80::1', '224.0.0.1', '0.0.0.0']) {
      expect(forbiddenReason(ip, open)).not.toBeNull();
    }
  });
});

describe('checkedLookup', () => {
  const lookup = (addrs: Array<{ address: string; family: number }>, policy = closed) =>
    new Promise<unknown>((resolve, reject) =>
      checkedLookup(policy, (async () => addrs) as never)('example.test', { all: true }, (err, res) => (err ? reject(err) : resolve(res))),
    );

  it('refuses a name when ANY of its addresses is forbidden (IPv4 or IPv6)', async () => {
    expect(await codeOf(lookup([{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.1', family: 4 }]))).toBe('URL_FORBIDDEN');
    expect(await codeOf(lookup([{ address: '93.184.216.34', family: 4 }, { address: '::1', family: 6 }]))).toBe('URL_FORBIDDEN');
  });

  it('hands back the checked addresses', async () => {
    await expect(lookup([{ address: '93.184.216.34', family: 4 }])).resolves.toEqual([{ address: '93.184.216.34', family: 4 }]);
  });
});

describe('safeRequest', () => {
  it('refuses private addresses by default: 127.0.0.1, [::1], localhost, 169.254.169.254', async () => {
    expect(await codeOf(safeRequest(`${base}/ok`, { policy: closed }))).toBe('URL_FORBIDDEN');
    expect(await codeOf(safeRequest(`http://[::1]:${port}/ok`, { policy: closed }))).toBe('URL_FORBIDDEN');
    expect(await codeOf(safeRequest(`http://localhost:${port}/ok`, { policy: closed }))).toBe('URL_FORBIDDEN');
    expect(await codeOf(safeRequest('http://169.254.169.254/latest/meta-data/', { policy: closed }))).toBe('URL_FORBIDDEN');
    expect(await codeOf(safeRequest('http://169.254.169.254/latest/meta-data/', { policy: open }))).toBe('URL_FORBIDDEN');
    expect(await codeOf(safeRequest('http://[fd00:ec2::254]/', { policy: open }))).toBe('URL_FORBIDDEN');
  });

  it('refuses other schemes and credentials', async () => {
    for (const u of ['file:///etc/passwd', 'ftp://example.com/x', 'gopher://x/', `http://user:pw@127.0.0.1:${port}/ok`]) {
      expect(await codeOf(safeRequest(u, { policy: open }))).toBe('URL_FORBIDDEN');
    }
  });

  it('sees through decimal, hex and short forms of loopback', async () => {
    for (const u of ['http://2130706433/', 'http://0x7f.1/', 'http://127.1/', 'http://0177.0.0.1/', 'http://[::ffff:7f00:1]/']) {
      expect(await codeOf(safeRequest(u, { policy: closed }))).toBe('URL_FORBIDDEN');
    }
  });

  it('fetches from a local server when private addresses are allowed', async () => {
    const res = await safeRequest(`${base}/ok`, { policy: open });
    expect(res.status).toBe(200);
    expect(await text(res.body)).toBe('fine');
  });

  it('re-checks every redirect hop', async () => {
    for (const to of ['http://169.254.169.254/latest/meta-data/', 'http://[fd00:ec2::254]/', 'http://0.0.0.0/', 'file:///etc/passwd']) {
      expect(await codeOf(safeRequest(`${base}/redirect?to=${encodeURIComponent(to)}`, { policy: open }))).toBe('URL_FORBIDDEN');
    }
    const ok = await safeRequest(`${base}/redirect?to=/ok`, { policy: open });
    expect(await text(ok.body)).toBe('fine');
    expect(ok.url).toBe(`${base}/ok`);
    expect(await codeOf(safeRequest(`${base}/loop`, { policy: open, maxRedirects: 3 }))).toBe('URL_FETCH_FAILED');
  });

  it('enforces the size limit, declared or streamed', async () => {
    expect(await codeOf(safeRequest(`${base}/big`, { policy: open, maxBytes: 1000 }))).toBe('INPUT_TOO_LARGE');
    const res = await safeRequest(`${base}/big-chunked`, { policy: open, maxBytes: 10_000 });
    expect(await codeOf(text(res.body))).toBe('INPUT_TOO_LARGE');
  });

  it('enforces the time limit', async () => {
    expect(await codeOf(safeRequest(`${base}/hang`, { policy: open, timeoutMs: 300 }))).toBe('URL_FETCH_FAILED');
  });
});
