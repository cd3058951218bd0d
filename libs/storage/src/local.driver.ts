import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertSafeKey } from './keys';
import { objectNotFound } from './errors';
import { ByteLimit, resolveRange } from './limit';
import { LocalUrlSigner } from './url-signer';
import { Storage, type ByteRange, type GetResult, type ListedObject, type PutOptions, type SignedUrlOptions, type StoredObject } from './storage';

const DEFAULT_TYPE = 'application/octet-stream';

/**
 * Files under `<root>/objects/<key>`, the content type beside them under `<root>/meta/<key>`.
 * Writes go to `<root>/tmp` first and are renamed into place, so a reader never sees half a file
 * and an aborted upload leaves nothing behind.
 */
export class LocalStorage extends Storage {
  readonly driver = 'local' as const;
  private readonly objects: string;
  private readonly meta: string;
  private readonly tmp: string;

  constructor(
    root: string,
    readonly signer: LocalUrlSigner,
  ) {
    super();
    const abs = path.resolve(root);
    this.objects = path.join(abs, 'objects');
    this.meta = path.join(abs, 'meta');
    this.tmp = path.join(abs, 'tmp');
  }

  async put(key: string, body: Readable, opts: PutOptions = {}): Promise<{ size: number }> {
    const target = this.pathOf(key);
    await mkdir(this.tmp, { recursive: true });
    const temp = path.join(this.tmp, randomUUID());
    const limit = new ByteLimit(opts.maxBytes);
    try {
      await pipeline(body, limit, createWriteStream(temp));
      await this.commit(key, target, temp, opts.contentType);
    } catch (err) {
      body.destroy();
      await rm(temp, { force: true });
      throw err;
    }
    return { size: limit.bytes };
  }

  async putFile(key: string, filePath: string, opts: { contentType?: string; move?: boolean } = {}): Promise<{ size: number }> {
    const target = this.pathOf(key);
    await mkdir(this.tmp, { recursive: true });
    const temp = path.join(this.tmp, randomUUID());
    try {
      // a file given away on the same filesystem is renamed (no copy); otherwise copied
      const moved = opts.move ? await rename(filePath, temp).then(() => true, (err: NodeJS.ErrnoException) => (err.code === 'EXDEV' ? false : Promise.reject(err))) : false;
      if (!moved) await copyFile(filePath, temp);
      const { size } = await stat(temp);
      await this.commit(key, target, temp, opts.contentType);
      return { size };
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  async get(key: string, opts: { range?: ByteRange } = {}): Promise<GetResult> {
    const info = await this.stat(key);
    if (!info) throw objectNotFound();
    const range = opts.range ? resolveRange(opts.range, info.size) : undefined;
    const body = createReadStream(this.pathOf(key), range ? { start: range.start, end: range.end } : {});
    const contentLength = range ? range.end - range.start + 1 : info.size;
    return { body, size: info.size, contentLength, contentType: info.contentType, range };
  }

  async download(key: string, filePath: string): Promise<{ size: number }> {
    const source = this.pathOf(key);
    try {
      await copyFile(source, filePath);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw objectNotFound();
      throw err;
    }
    return { size: (await stat(filePath)).size };
  }

  override async localFile(key: string): Promise<{ file: string; size: number } | null> {
    const file = this.pathOf(key);
    try {
      const st = await stat(file);
      return st.isFile() ? { file, size: st.size } : null;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
      throw err;
    }
  }

  async stat(key: string): Promise<StoredObject | null> {
    const file = this.pathOf(key);
    try {
      const st = await stat(file);
      if (!st.isFile()) return null;
      const contentType = await readFile(this.metaOf(key), 'utf8').catch(() => DEFAULT_TYPE);
      return { key, size: st.size, contentType: contentType || DEFAULT_TYPE, lastModified: st.mtime };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
    await rm(this.metaOf(key), { force: true });
  }

  async deletePrefix(prefix: string): Promise<number> {
    let n = 0;
    for await (const obj of this.list(prefix)) {
      await this.delete(obj.key);
      n++;
    }
    if (prefix.endsWith('/')) {
      await rm(this.pathOf(prefix.slice(0, -1)), { recursive: true, force: true });
      await rm(this.metaOf(prefix.slice(0, -1)), { recursive: true, force: true });
    }
    return n;
  }

  async *list(prefix: string): AsyncIterable<ListedObject> {
    if (prefix !== '') assertSafeKey(prefix, { prefix: true });
    const dirKey = prefix.endsWith('/') || prefix === '' ? prefix.replace(/\/$/, '') : path.posix.dirname(prefix);
    const start = dirKey && dirKey !== '.' ? path.join(this.objects, ...dirKey.split('/')) : this.objects;
    for await (const rel of walk(start)) {
      const key = path.relative(this.objects, rel).split(path.sep).join('/');
      if (!key.startsWith(prefix)) continue;
      const info = await this.stat(key);
      if (info) yield info;
    }
  }

  async signedUrl(key: string, opts: SignedUrlOptions): Promise<string> {
    assertSafeKey(key);
    return this.signer.url(key, opts.expiresInS, opts.downloadName);
  }

  private async commit(key: string, target: string, temp: string, contentType?: string): Promise<void> {
    await mkdir(path.dirname(target), { recursive: true });
    const metaFile = this.metaOf(key);
    await mkdir(path.dirname(metaFile), { recursive: true });
    await writeFile(metaFile, contentType ?? DEFAULT_TYPE);
    await rename(temp, target);
  }

  /** Absolute path of a key; the key check plus this containment check make traversal impossible. */
  private pathOf(key: string): string {
    assertSafeKey(key);
    const p = path.resolve(this.objects, ...key.split('/'));
    if (!p.startsWith(this.objects + path.sep)) throw new Error('storage key escapes the root');
    return p;
  }

  private metaOf(key: string): string {
    assertSafeKey(key);
    const p = path.resolve(this.meta, ...key.split('/'));
    if (!p.startsWith(this.meta + path.sep)) throw new Error('storage key escapes the root');
    return p;
  }
}

async function* walk(dir: string): AsyncIterable<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return;
    throw err;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(full);
    else if (e.isFile()) yield full;
  }
}
