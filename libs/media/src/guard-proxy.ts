import http from 'node:http';
import net from 'node:net';
import { checkedLookup, checkUrl, type UrlPolicy } from '@clipyard/security';

export interface GuardProxy {
  /** `http://127.0.0.1:<port>` for a client's `--proxy`. */
  url: string;
  /** Hosts refused by the URL policy during this proxy's life. */
  refused: string[];
  close(): Promise<void>;
}

const HOP_HEADERS = new Set(['proxy-connection', 'proxy-authorization', 'connection', 'keep-alive', 'te', 'trailer', 'upgrade']);

/**
 * A forward proxy on 127.0.0.1 for a program we do not control (yt-dlp): every connection it
 * asks for — plain http requests and https CONNECT tunnels alike — goes to an address the URL
 * policy allows, resolved once and connected to as checked (no rebinding), or is refused with 403.
 * Bytes sent back are capped for the whole run.
 */
export async function startGuardProxy(policy: UrlPolicy, o: { maxBytes: number; timeoutMs: number }): Promise<GuardProxy> {
  const refused: string[] = [];
  const lookup = checkedLookup(policy);
  let bytes = 0;
  const sockets = new Set<net.Socket>();
  const count = (n: number) => (bytes += n) > o.maxBytes;

  const server = http.createServer((req, res) => {
    let target: URL;
    try {
      target = checkUrl(req.url ?? '', policy);
      if (target.protocol !== 'http:') throw new Error('only http in absolute form');
    } catch {
      refused.push(safeHost(req.url));
      res.writeHead(403, { 'content-type': 'text/plain' }).end('refused by the URL policy');
      return;
    }
    const headers: http.OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(req.headers)) if (!HOP_HEADERS.has(k) && v !== undefined) headers[k] = v;
    headers.host = target.host;
    headers.via = '1.1 clipyard-guard';
    const up = http.request(
      { host: target.hostname, port: target.port || 80, path: `${target.pathname}${target.search}`, method: req.method, headers, lookup, timeout: o.timeoutMs },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.on('data', (c: Buffer) => {
          if (count(c.length)) {
            r.destroy();
            res.destroy();
          } else res.write(c);
        });
        r.on('end', () => res.end());
        r.on('error', () => res.destroy());
      },
    );
    up.on('timeout', () => up.destroy(new Error('timeout')));
    up.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'URL_FORBIDDEN' || /not allowed/.test(err.message)) refused.push(target.hostname);
      if (!res.headersSent) res.writeHead(err.code === 'URL_FORBIDDEN' ? 403 : 502, { 'content-type': 'text/plain' }).end('upstream refused or failed');
      else res.destroy();
    });
    req.pipe(up);
  });

  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const m = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(req.url ?? '');
    const deny = (status: string) => client.end(`HTTP/1.1 ${status}\r\n\r\n`);
    if (!m) return deny('400 Bad Request');
    const [, host, port] = m;
    try {
      checkUrl(`https://${host.includes(':') ? `[${host}]` : host}:${port}/`, policy);
    } catch {
      refused.push(host);
      return deny('403 Forbidden');
    }
    lookup(host, {}, (err, address) => {
      if (err) {
        if ((err as { code?: string }).code === 'URL_FORBIDDEN') refused.push(host);
        return deny((err as { code?: string }).code === 'URL_FORBIDDEN' ? '403 Forbidden' : '502 Bad Gateway');
      }
      const up = net.connect({ host: address as string, port: Number(port), timeout: o.timeoutMs });
      sockets.add(up);
      up.on('close', () => sockets.delete(up));
      up.on('timeout', () => up.destroy());
      up.on('error', () => (client.writable ? deny('502 Bad Gateway') : client.destroy()));
      up.on('connect', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length) up.write(head);
        up.on('data', (c: Buffer) => {
          if (count(c.length)) {
            up.destroy();
            client.destroy();
          }
        });
        up.pipe(client);
        client.pipe(up);
      });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function safeHost(raw: string | undefined): string {
  try {
    return new URL(raw ?? '').hostname;
  } catch {
    return String(raw ?? '').slice(0, 100);
  }
}
