import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt', '.webmanifest']);

export interface WebAsset {
  type: string;
  body: Buffer;
  gzip?: Buffer;
  etag: string;
  /** Content-hashed files under assets/ never change under their name. */
  immutable: boolean;
}

/**
 * The built dashboard, read once at boot (a few hundred KB) and kept in memory with a gzip copy,
 * so serving it costs no disk I/O. Only files that exist in the build are reachable by name: no
 * path from a request ever touches the filesystem.
 */
export class WebAssets {
  private constructor(private readonly files: Map<string, WebAsset>) {}

  static load(dir: string): WebAssets {
    const root = resolve(dir);
    const files = new Map<string, WebAsset>();
    if (!existsSync(join(root, 'index.html'))) return new WebAssets(files);
    const walk = (d: string) => {
      for (const name of readdirSync(d)) {
        const full = join(d, name);
        if (statSync(full).isDirectory()) walk(full);
        else {
          const ext = extname(name).toLowerCase();
          const type = TYPES[ext];
          if (!type) continue;
          const body = readFileSync(full);
          const rel = relative(root, full).split(sep).join('/');
          files.set(rel, {
            type,
            body,
            gzip: COMPRESSIBLE.has(ext) && body.length > 512 ? gzipSync(body, { level: 9 }) : undefined,
            etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
            immutable: rel.startsWith('assets/'),
          });
        }
      }
    };
    walk(root);
    return new WebAssets(files);
  }

  get built(): boolean {
    return this.files.has('index.html');
  }

  get(path: string): WebAsset | undefined {
    return this.files.get(path);
  }
}
