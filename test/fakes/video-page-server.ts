/**
 * A website with video pages on 127.0.0.1 (random port) for yt-dlp's generic extractor: pages
 * that declare a VideoObject in JSON-LD (with a duration) or only a `<video>` tag, serving real
 * media files. It records every path requested, so a test can prove what was (not) downloaded.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeVideoSite {
  origin: string;
  /** Requests in order; `proxied` when they came through a proxy (a `Via` header: yt-dlp's, through the guard). */
  requests: { path: string; proxied: boolean }[];
  /** Adds a page: JSON-LD VideoObject when `duration` is given (ISO-8601, e.g. `PT6S`), else a bare `<video>`. */
  page(path: string, o: { title: string; media: string; duration?: string }): string;
  /** Serves a local file at `path`. */
  file(path: string, local: string): string;
  close(): Promise<void>;
}

export async function startFakeVideoSite(): Promise<FakeVideoSite> {
  const pages = new Map<string, string>();
  const files = new Map<string, string>();
  const requests: { path: string; proxied: boolean }[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    requests.push({ path, proxied: !!req.headers.via });
    const html = pages.get(path);
    if (html !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(html);
    }
    const local = files.get(path);
    if (!local) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    stat(local).then(
      (st) => {
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(st.size) });
        if (req.method === 'HEAD') return res.end();
        createReadStream(local).pipe(res);
      },
      () => {
        res.writeHead(500);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const esc = (s: string) => s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return {
    origin,
    requests,
    page(path, o) {
      const media = /^https?:/.test(o.media) ? o.media : `${origin}${o.media}`;
      const body = o.duration
        ? `<script type="application/ld+json">${JSON.stringify({
            '@context': 'https://schema.org',
            '@type': 'VideoObject',
            name: o.title,
            description: `${o.title}, a talk`,
            uploadDate: '2024-05-01',
            thumbnailUrl: `${origin}/thumb.jpg`,
            duration: o.duration,
            contentUrl: media,
          })}</script>`
        : '';
      pages.set(path, `<!doctype html><html><head><title>${esc(o.title)}</title>${body}</head><body>${o.duration ? '' : `<video controls src="${esc(media)}"></video>`}</body></html>`);
      return `${origin}${path}`;
    },
    file(path, local) {
      files.set(path, local);
      return `${origin}${path}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
