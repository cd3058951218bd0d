import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, stat as fsStat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { assertSafeKey } from './keys';
import { objectNotFound, rangeNotSatisfiable } from './errors';
import { ByteLimit } from './limit';
import { Storage, type ByteRange, type GetResult, type ListedObject, type PutOptions, type SignedUrlOptions, type StoredObject } from './storage';

export interface S3StorageOptions {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Path-style URLs (`endpoint/bucket/key`): needed by MinIO, R2 and most local stand-ins. */
  forcePathStyle?: boolean;
  /** putFile: one PutObject up to this size, a multipart Upload above (default SINGLE_PUT_MAX_BYTES). */
  singlePutMaxBytes?: number;
}

const DEFAULT_TYPE = 'application/octet-stream';

/**
 * Files up to this size go up in one PutObject from memory (re-sendable, so the SDK's retries
 * work): ~10 ms less than a multipart Upload of the same small file, which buffers a whole part
 * anyway below its 5 MiB part size. Larger files keep the multipart Upload.
 */
export const SINGLE_PUT_MAX_BYTES = 8 * 1024 * 1024;

const isNotFound = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
};

/** Any S3-compatible store (AWS, R2, MinIO). Large bodies go up as multipart uploads. */
export class S3Storage extends Storage {
  readonly driver = 's3' as const;
  readonly client: S3Client;
  private readonly bucket: string;

  /** Files up to this many bytes are stored with one PutObject (tests lower it to reach the multipart path). */
  private readonly singlePutMaxBytes: number;

  constructor(opts: S3StorageOptions, extra: Partial<S3ClientConfig> = {}) {
    super();
    this.bucket = opts.bucket;
    this.singlePutMaxBytes = opts.singlePutMaxBytes ?? SINGLE_PUT_MAX_BYTES;
    this.client = new S3Client({
      region: opts.region,
      endpoint: opts.endpoint,
      forcePathStyle: opts.forcePathStyle ?? false,
      credentials:
        opts.accessKeyId && opts.secretAccessKey
          ? { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey }
          : undefined,
      // Stand-ins and R2 reject the newer default CRC32 trailers on streamed uploads.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...extra,
    });
  }

  async put(key: string, body: Readable, opts: PutOptions = {}): Promise<{ size: number }> {
    assertSafeKey(key);
    const limit = new ByteLimit(opts.maxBytes);
    body.on('error', (err) => limit.destroy(err));
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: body.pipe(limit), ContentType: opts.contentType ?? DEFAULT_TYPE },
      // We abort ourselves below so the limit error is the one the caller sees, not an abort failure.
      leavePartsOnError: true,
    });
    try {
      await upload.done();
    } catch (err) {
      body.destroy();
      // Some stand-ins do not implement AbortMultipartUpload; the parts then expire with the bucket's lifecycle rule.
      await upload.abort().catch(() => undefined);
      throw limit.exceeded ?? err;
    }
    return { size: limit.bytes };
  }

  async putFile(key: string, filePath: string, opts: { contentType?: string; move?: boolean } = {}): Promise<{ size: number }> {
    assertSafeKey(key);
    const { size } = await fsStat(filePath);
    if (size <= this.singlePutMaxBytes) {
      const body = await readFile(filePath);
      await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentLength: body.length, ContentType: opts.contentType ?? DEFAULT_TYPE }));
      return { size: body.length };
    }
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: createReadStream(filePath), ContentType: opts.contentType ?? DEFAULT_TYPE },
      leavePartsOnError: false,
    });
    await upload.done();
    return { size };
  }

  async get(key: string, opts: { range?: ByteRange } = {}): Promise<GetResult> {
    assertSafeKey(key);
    const r = opts.range;
    try {
      const out = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Range: r ? `bytes=${r.start}-${r.end ?? ''}` : undefined,
        }),
      );
      const body = out.Body as Readable;
      const contentLength = Number(out.ContentLength ?? 0);
      let size = contentLength;
      let range: { start: number; end: number } | undefined;
      const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(out.ContentRange ?? '');
      if (m) {
        range = { start: Number(m[1]), end: Number(m[2]) };
        size = Number(m[3]);
      } else if (r) {
        // A server that ignored the range sent the whole object: serve it as such.
        range = undefined;
      }
      return { body, size, contentLength, contentType: out.ContentType ?? DEFAULT_TYPE, range: r ? range : undefined };
    } catch (err) {
      if (isNotFound(err)) throw objectNotFound();
      if ((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 416) {
        const info = await this.stat(key);
        throw rangeNotSatisfiable(info?.size ?? 0);
      }
      throw err;
    }
  }

  async download(key: string, filePath: string): Promise<{ size: number }> {
    const { body } = await this.get(key);
    await pipeline(body, createWriteStream(filePath));
    return { size: (await fsStat(filePath)).size };
  }

  async stat(key: string): Promise<StoredObject | null> {
    assertSafeKey(key);
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return {
        key,
        size: Number(out.ContentLength ?? 0),
        contentType: out.ContentType ?? DEFAULT_TYPE,
        lastModified: out.LastModified ?? new Date(0),
      };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    assertSafeKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async deletePrefix(prefix: string): Promise<number> {
    assertSafeKey(prefix, { prefix: true });
    let batch: string[] = [];
    let n = 0;
    const flush = async () => {
      if (!batch.length) return;
      // One request per key: DeleteObjects needs a Content-MD5 that WHEN_REQUIRED stand-ins mishandle.
      await Promise.all(batch.map((Key) => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key }))));
      n += batch.length;
      batch = [];
    };
    for await (const obj of this.list(prefix)) {
      batch.push(obj.key);
      if (batch.length >= 50) await flush();
    }
    await flush();
    return n;
  }

  async *list(prefix: string): AsyncIterable<ListedObject> {
    if (prefix !== '') assertSafeKey(prefix, { prefix: true });
    let token: string | undefined;
    do {
      const out = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const o of out.Contents ?? []) {
        if (!o.Key) continue;
        yield { key: o.Key, size: Number(o.Size ?? 0), lastModified: o.LastModified ?? new Date(0) };
      }
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
  }

  async signedUrl(key: string, opts: SignedUrlOptions): Promise<string> {
    assertSafeKey(key);
    const disposition = opts.downloadName
      ? `attachment; filename="${opts.downloadName.replace(/[^\w.-]/g, '_')}"`
      : undefined;
    return getSignedUrl(
      this.client,
      new GetObjectCommand({ Bucket: this.bucket, Key: key, ResponseContentDisposition: disposition }),
      { expiresIn: Math.max(1, Math.floor(opts.expiresInS)) },
    );
  }

  destroy(): void {
    this.client.destroy();
  }
}

