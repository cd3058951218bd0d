import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { AppError, decodeCursor, pageOf } from '@clipyard/contracts';
import { Metrics, ROOT_LOGGER } from '@clipyard/observability';
import { ByteLimit, Storage, fileTooLarge, storageKey } from '@clipyard/storage';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { isUuid } from '../http/id.pipe';
import { BillingClient } from '../billing/billing.client';
import { MediaProbe } from './media-probe';
import type { z } from 'zod';
import type { uploadViewSchema } from './uploads.dto';
import { UploadsRepository, type UploadRecord } from './uploads.repository';

export type UploadView = z.infer<typeof uploadViewSchema>;

export function presentUpload(u: UploadRecord): UploadView {
  const v: UploadView = { id: u.id, size: u.size, content_type: u.contentType, created_at: u.createdAt.toISOString() };
  if (u.filename) v.filename = u.filename;
  if (u.durationS != null) v.duration_s = u.durationS;
  if (u.width != null) v.width = u.width;
  if (u.height != null) v.height = u.height;
  return v;
}

/** 413 that also closes the connection, so a client still sending the body stops at once. */
const tooLarge = (maxBytes: number) => {
  const e = fileTooLarge(maxBytes);
  return new AppError(e.code, e.message, e.details, undefined, { Connection: 'close' });
};

/** 408 that closes the connection: the client stopped sending its body. */
const idleTimeout = (ms: number) =>
  new AppError('REQUEST_TIMEOUT', `The upload sent nothing for ${Math.round(ms / 1000)} s; send it again`, undefined, undefined, { Connection: 'close' });

/** 400 for a body that is not well-formed multipart (no boundary, truncated, bad part headers). */
const badMultipart = (why: string) =>
  new AppError('BAD_REQUEST', `Malformed multipart/form-data body: ${why}`, undefined, undefined, { Connection: 'close' });

/** What busboy and @fastify/multipart throw for a malformed body (never the server's fault). */
function multipartError(err: unknown): AppError | null {
  const e = err as { code?: string; message?: string };
  const msg = String(e?.message ?? '');
  if (/boundary/i.test(msg)) return badMultipart('no boundary in the Content-Type');
  if (/unexpected end of (form|multipart)|part terminated early|malformed part header|multipart: /i.test(msg)) return badMultipart(msg.replace(/^.*?: /, ''));
  if (e?.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return badMultipart('not multipart/form-data');
  return null;
}

/** Once the whole body has arrived, a part that gets no more bytes for this long was cut off. */
const AFTER_BODY_MS = 1000;

/**
 * Errors the stream when no chunk arrives for `ms` (per-part inactivity, 408). After `bodyEnded()`
 * no byte can come any more: a part still open then lost its closing boundary (400, at once).
 */
class IdleWatch extends Transform {
  timedOut = false;
  truncated = false;
  private timer: NodeJS.Timeout;
  private bodyDone = false;
  /** `upstream()`: bytes still buffered before this stream (backpressure, not a cut-off body). */
  constructor(
    private readonly ms: number,
    private readonly upstream: () => number = () => 0,
  ) {
    super();
    this.timer = this.arm();
  }
  bodyEnded(): void {
    this.bodyDone = true;
    clearTimeout(this.timer);
    this.timer = this.arm();
  }
  private arm(): NodeJS.Timeout {
    return setTimeout(
      () => {
        if (this.bodyDone && this.upstream() + this.writableLength + this.readableLength > 0) {
          this.timer = this.arm(); // still flushing to disk
        } else if (this.bodyDone) {
          this.truncated = true;
          this.destroy(badMultipart('the body ended inside the file part (no closing boundary)'));
        } else {
          this.timedOut = true;
          this.destroy(idleTimeout(this.ms));
        }
      },
      this.bodyDone ? AFTER_BODY_MS : this.ms,
    );
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    clearTimeout(this.timer);
    this.timer = this.arm();
    cb(null, chunk);
  }
  override _flush(cb: TransformCallback): void {
    clearTimeout(this.timer);
    cb();
  }
  override _destroy(err: Error | null, cb: (err: Error | null) => void): void {
    clearTimeout(this.timer);
    cb(err);
  }
}

/** Multipart boundaries and part headers on top of the file itself. */
const MULTIPART_SLACK = 64 * 1024;

/**
 * Uploads: the multipart file is streamed (never held in memory) through a byte counter that
 * stops it with 413 FILE_TOO_LARGE the moment it passes the plan's limit, spooled to the
 * gateway's temp folder, checked with ffprobe (corrupt or unsupported → 422 UNSUPPORTED_MEDIA,
 * nothing stored), then moved to storage under `users/{userId}/inputs/{yyyy-mm}/{id}/`.
 */
@Injectable()
export class UploadsService {
  private readonly bytes;

  constructor(
    private readonly repo: UploadsRepository,
    private readonly storage: Storage,
    private readonly probe: MediaProbe,
    private readonly billing: BillingClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    metrics: Metrics,
  ) {
    this.bytes = metrics.counter('upload_bytes_total', 'Bytes accepted by POST /v1/uploads');
  }

  async upload(userId: string, req: FastifyRequest): Promise<UploadView> {
    if (!req.isMultipart()) {
      throw new AppError('UNSUPPORTED_CONTENT_TYPE', 'Send the file as multipart/form-data in a field named "file"');
    }
    const limits = await this.billing.limits(userId);
    const planMax = limits.maxFileBytes < 0 ? Number.POSITIVE_INFINITY : limits.maxFileBytes;
    const maxBytes = Math.min(planMax, this.config.UPLOAD_MAX_BYTES);
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_SLACK) throw tooLarge(maxBytes);

    const part = await this.firstPart(req, maxBytes);
    if (!part || part.fieldname !== 'file') {
      part?.file.resume(); // drain it, so the connection stays usable
      throw new AppError('VALIDATION_FAILED', 'Missing file', { issues: [{ path: 'file', message: 'a file field named "file" is required' }] });
    }
    // busboy reports a part cut off by the end of the body as soon as the body ends, possibly
    // before the pipeline below listens: keep that error so it is not lost (the part would never end).
    let early: unknown;
    part.file.on('error', (err) => (early ??= err));
    const id = randomUUID();
    await mkdir(this.config.UPLOAD_TMP_DIR, { recursive: true });
    const spool = path.join(this.config.UPLOAD_TMP_DIR, id);
    try {
      const counter = new ByteLimit(maxBytes);
      const idle = new IdleWatch(this.config.UPLOAD_IDLE_TIMEOUT_MS, () => part.file.readableLength);
      if (req.raw.readableEnded) idle.bodyEnded();
      else req.raw.once('end', () => idle.bodyEnded());
      try {
        if (early) throw early;
        await pipeline(part.file, idle, counter, createWriteStream(spool));
      } catch (err) {
        idle.destroy();
        if (counter.exceeded || (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
        if (idle.timedOut) throw idleTimeout(this.config.UPLOAD_IDLE_TIMEOUT_MS);
        if (idle.truncated) throw badMultipart('the body ended inside the file part (no closing boundary)');
        throw multipartError(err) ?? err;
      }
      if (counter.bytes === 0) throw new AppError('UNSUPPORTED_MEDIA', 'Unsupported or corrupt media: the file is empty');
      const media = await this.probe.probe(spool);
      const key = storageKey({ userId, area: 'inputs', id, name: `source.${media.ext}` });
      const { size } = await this.storage.putFile(key, spool, { contentType: media.contentType });
      try {
        const row = await this.repo.insert({
          id,
          userId,
          storageKey: key,
          filename: safeFilename(part.filename),
          contentType: media.contentType,
          size,
          durationS: media.durationS ?? null,
          width: media.width ?? null,
          height: media.height ?? null,
          codecs: media.codecs,
          fragmented: media.fragmented,
        });
        this.bytes.inc(size);
        return presentUpload(row);
      } catch (err) {
        await this.storage.delete(key).catch(() => undefined);
        throw err;
      }
    } finally {
      await rm(spool, { force: true }).catch((err) => this.logger.warn({ err }, 'could not remove an upload spool file'));
    }
  }

  /** The first part of the body, with a per-part inactivity limit; malformed bodies are a 400. */
  private async firstPart(req: FastifyRequest, maxBytes: number) {
    const ms = this.config.UPLOAD_IDLE_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(idleTimeout(ms)), ms);
    });
    try {
      return await Promise.race([req.file({ limits: { fileSize: maxBytes + 1, files: 1, fields: 10, fieldSize: 1024 } }), stalled]);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw multipartError(err) ?? err;
    } finally {
      clearTimeout(timer);
    }
  }

  async get(userId: string, id: string): Promise<UploadView> {
    return presentUpload(await this.owned(userId, id));
  }

  async list(userId: string, q: { limit: number; cursor?: string }): Promise<{ data: UploadView[]; next_cursor: string | null }> {
    const before = q.cursor ? decodeCursor(q.cursor) : undefined;
    const { page, next_cursor } = pageOf(await this.repo.list(userId, q.limit + 1, before), q.limit);
    return { data: page.map(presentUpload), next_cursor };
  }

  /**
   * Deletes an upload's bytes, then its listing (a retry after a failure in between finishes the
   * job). Refused with 409 UPLOAD_IN_USE while a queued or running job still reads it.
   */
  async remove(userId: string, id: string): Promise<void> {
    const row = await this.owned(userId, id);
    const jobs = await this.repo.openJobsReading(userId, row.id);
    if (jobs.length) {
      throw new AppError('UPLOAD_IN_USE', 'A queued or running job reads this upload; cancel it or let it finish first', { jobs });
    }
    await this.storage.delete(row.storageKey);
    await this.repo.markExpired(userId, [row.id]);
  }

  private async owned(userId: string, id: string): Promise<UploadRecord> {
    const row = isUuid(id) ? await this.repo.findOwned(userId, id) : null;
    if (!row) throw new AppError('UPLOAD_NOT_FOUND', 'Upload not found');
    return row;
  }
}

/** The client's file name, for display only (never used in a path). */
function safeFilename(name: string | undefined): string | null {
  if (!name) return null;
  const cleaned = name.replace(/[\u0000-\u001f\u007f/\\]/g, '_').trim().slice(0, 255);
  return cleaned || null;
}
