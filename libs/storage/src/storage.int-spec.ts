import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { AppError } from '@clipyard/contracts';
import { startLocalS3, type LocalS3 } from '../../../test/helpers/s3rver';
import { LocalStorage, LocalUrlSigner, S3Storage, storageKey, storagePrefix, type Storage } from './index';

const collect = async (r: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of r) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};
const codeOf = async (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => (e instanceof AppError ? e.code : String(e)));
/** A stream that yields `total` bytes in 64 KiB chunks, lazily. */
const bigStream = (total: number) => {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= total) return this.push(null);
      const n = Math.min(65536, total - sent);
      sent += n;
      this.push(Buffer.alloc(n, 7));
    },
  });
};

let tmp: string;
let s3: LocalS3;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'cy-storage-'));
  s3 = await startLocalS3();
});
afterAll(async () => {
  await s3?.stop();
  await rm(tmp, { recursive: true, force: true });
});

const drivers: Array<[string, () => Storage]> = [
  ['local', () => new LocalStorage(path.join(tmp, 'root'), new LocalUrlSigner('x'.repeat(32), 'http://api.test'))],
  [
    's3',
    () =>
      new S3Storage({
        bucket: s3.bucket,
        region: 'us-east-1',
        endpoint: s3.endpoint,
        accessKeyId: s3.accessKeyId,
        secretAccessKey: s3.secretAccessKey,
        forcePathStyle: true,
      }),
  ],
  [
    // putFile of files above the single-PutObject size: the multipart Upload path
    's3, multipart putFile',
    () =>
      new S3Storage({
        bucket: s3.bucket,
        region: 'us-east-1',
        endpoint: s3.endpoint,
        accessKeyId: s3.accessKeyId,
        secretAccessKey: s3.secretAccessKey,
        forcePathStyle: true,
        singlePutMaxBytes: 100_000,
      }),
  ],
];

describe.each(drivers)('Storage contract: %s driver', (driverName, make) => {
  let storage: Storage;
  const userId = randomUUID();
  beforeAll(() => {
    storage = make();
  });

  it('puts a stream and reads it back with size and content type', async () => {
    const key = storageKey({ userId, area: 'inputs', id: randomUUID(), name: 'a.txt' });
    const res = await storage.put(key, Readable.from([Buffer.from('hello '), Buffer.from('world')]), { contentType: 'text/plain' });
    expect(res.size).toBe(11);
    const got = await storage.get(key);
    expect(got.size).toBe(11);
    expect(got.contentLength).toBe(11);
    expect(got.contentType).toBe('text/plain');
    expect(await text(got.body)).toBe('hello world');
    const st = await storage.stat(key);
    expect(st).toMatchObject({ key, size: 11, contentType: 'text/plain' });
    expect(st!.lastModified.getTime()).toBeGreaterThan(Date.now() - 600_000);
  });

  it('serves byte ranges and refuses unsatisfiable ones', async () => {
    const key = storageKey({ userId, area: 'outputs', id: randomUUID(), name: 'r.bin' });
    const data = randomBytes(1000);
    await storage.put(key, Readable.from([data]));
    const mid = await storage.get(key, { range: { start: 100, end: 199 } });
    expect(mid.range).toEqual({ start: 100, end: 199 });
    expect(mid.size).toBe(1000);
    expect(mid.contentLength).toBe(100);
    expect((await collect(mid.body)).equals(data.subarray(100, 200))).toBe(true);
    const tail = await storage.get(key, { range: { start: 990 } });
    expect(tail.range).toEqual({ start: 990, end: 999 });
    expect((await collect(tail.body)).equals(data.subarray(990))).toBe(true);
    expect(await codeOf(storage.get(key, { range: { start: 5000 } }))).toBe('RANGE_NOT_SATISFIABLE');
  });

  it('aborts a put that passes the byte limit and leaves nothing behind', async () => {
    const key = storageKey({ userId, area: 'inputs', id: randomUUID(), name: 'big.bin' });
    // Bigger than one S3 multipart part (5 MiB), so the multipart path is exercised too.
    expect(await codeOf(storage.put(key, bigStream(7 * 1024 * 1024), { maxBytes: 6 * 1024 * 1024 }))).toBe('FILE_TOO_LARGE');
    expect(await storage.stat(key)).toBeNull();
    expect(await codeOf(storage.put(key, bigStream(2048), { maxBytes: 1024 }))).toBe('FILE_TOO_LARGE');
    expect(await storage.stat(key)).toBeNull();
    // Exactly at the limit is fine.
    expect((await storage.put(key, bigStream(1024), { maxBytes: 1024 })).size).toBe(1024);
  });

  it('puts from and downloads to local files', async () => {
    const src = path.join(tmp, `${driverName}-src.bin`);
    const dst = path.join(tmp, `${driverName}-dst.bin`);
    const data = randomBytes(300_000);
    await writeFile(src, data);
    const key = storageKey({ userId, area: 'outputs', id: randomUUID(), name: 'f.mp4' });
    expect((await storage.putFile(key, src, { contentType: 'video/mp4' })).size).toBe(300_000);
    expect((await storage.stat(key))?.contentType).toBe('video/mp4');
    expect((await storage.download(key, dst)).size).toBe(300_000);
    expect((await readFile(dst)).equals(data)).toBe(true);
  });

  it('stores a file given away (move) with the same bytes; the local driver renames it and lets tools read objects in place', async () => {
    const src = path.join(tmp, `${driverName}-moved.bin`);
    const data = randomBytes(200_000);
    await writeFile(src, data);
    const key = storageKey({ userId, area: 'outputs', id: randomUUID(), name: 'moved.mp4' });
    expect((await storage.putFile(key, src, { contentType: 'video/mp4', move: true })).size).toBe(200_000);
    expect((await collect((await storage.get(key)).body)).equals(data)).toBe(true);
    if (storage.driver === 'local') {
      // renamed, not copied: the source is gone, and the stored file is where localFile says
      await expect(readFile(src)).rejects.toMatchObject({ code: 'ENOENT' });
      const stored = await storage.localFile!(key);
      expect(stored?.size).toBe(200_000);
      expect((await readFile(stored!.file)).equals(data)).toBe(true);
      expect(await storage.localFile!(storageKey({ userId, area: 'outputs', id: randomUUID(), name: 'missing.mp4' }))).toBeNull();
    } else {
      expect(storage.localFile).toBeUndefined();
    }
  });

  it('reports missing objects', async () => {
    const key = storageKey({ userId, area: 'outputs', id: randomUUID(), name: 'missing.mp4' });
    expect(await storage.stat(key)).toBeNull();
    expect(await codeOf(storage.get(key))).toBe('OBJECT_NOT_FOUND');
    expect(await codeOf(storage.download(key, path.join(tmp, 'nope')))).toBe('OBJECT_NOT_FOUND');
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it('lists, deletes and deletes by prefix', async () => {
    const id = randomUUID();
    const prefix = storagePrefix({ userId, area: 'outputs', id });
    const other = storageKey({ userId, area: 'outputs', id: randomUUID(), name: 'keep.txt' });
    await storage.put(other, Readable.from([Buffer.from('k')]));
    for (const name of ['out.mp4', 'thumb.jpg', 'x.txt']) await storage.put(prefix + name, Readable.from([Buffer.from(name)]));
    const listed: string[] = [];
    for await (const o of storage.list(prefix)) listed.push(o.key);
    expect(listed.sort()).toEqual([`${prefix}out.mp4`, `${prefix}thumb.jpg`, `${prefix}x.txt`]);
    await storage.delete(`${prefix}x.txt`);
    expect(await storage.stat(`${prefix}x.txt`)).toBeNull();
    expect(await storage.deletePrefix(prefix)).toBe(2);
    const after: string[] = [];
    for await (const o of storage.list(prefix)) after.push(o.key);
    expect(after).toEqual([]);
    expect(await storage.stat(other)).not.toBeNull();
  });

  it('refuses keys that could escape the root', async () => {
    for (const key of ['../etc/passwd', '/abs/key', 'users/../../x', 'users/a\\b', 'users//x', 'users/./x', '']) {
      expect(await codeOf(storage.put(key, Readable.from([Buffer.from('x')])))).toBe('INVALID_STORAGE_KEY');
      expect(await codeOf(storage.get(key))).toBe('INVALID_STORAGE_KEY');
    }
  });

  it('issues a signed URL that downloads the object', async () => {
    const key = storageKey({ userId, area: 'outputs', id: randomUUID(), name: 'signed.txt' });
    await storage.put(key, Readable.from([Buffer.from('signed body')]), { contentType: 'text/plain' });
    const url = await storage.signedUrl(key, { expiresInS: 60, downloadName: 'signed.txt' });
    if (storage.driver === 's3') {
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('signed body');
      expect(url).toContain('X-Amz-Expires=60');
      expect(url).toContain('X-Amz-Signature=');
    } else {
      const u = new URL(url);
      expect(u.origin).toBe('http://api.test');
      const token = u.pathname.split('/').pop()!;
      const signer = (storage as LocalStorage).signer;
      expect(signer.verify(token, u.searchParams.get('exp')!, u.searchParams.get('sig')!)).toEqual({ key, downloadName: 'signed.txt' });
      expect(signer.verify(token, Number(u.searchParams.get('exp')) + 1, u.searchParams.get('sig')!)).toBeNull();
      const forged = Buffer.from(JSON.stringify({ k: 'users/other/outputs/x' })).toString('base64url');
      expect(signer.verify(forged, u.searchParams.get('exp')!, u.searchParams.get('sig')!)).toBeNull();
    }
  });
});

describe('LocalUrlSigner', () => {
  it('refuses an expired link', () => {
    let now = 1_000_000_000_000;
    const signer = new LocalUrlSigner('s'.repeat(32), 'http://x', '/v1/files', () => now);
    const { token, exp, sig } = signer.sign('users/u/outputs/2026-01/j/a.mp4', 60);
    expect(signer.verify(token, exp, sig)?.key).toBe('users/u/outputs/2026-01/j/a.mp4');
    now += 61_000;
    expect(signer.verify(token, exp, sig)).toBeNull();
    expect(new LocalUrlSigner('t'.repeat(32), 'http://x', '/v1/files', () => now - 61_000).verify(token, exp, sig)).toBeNull();
  });
});
