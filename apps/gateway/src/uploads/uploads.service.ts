import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { AppError, decodeCursor, pageOf } from '@clipyard/contracts';
import { Metrics, ROOT_LOGGER } from '@clipyard/observability';
import { ByteLimit, Storage, fileTooLarge, storageKey } from '@clipyard/storage';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { BillingClient } from '../jobs/billing.client';
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

    const part = await req.file({ limits: { fileSize: maxBytes + 1, files: 1, fields: 10, fieldSize: 1024 } });
    if (!part || part.fieldname !== 'file') {
      part?.file.resume(); // drain it, so the connection stays usable
      throw new AppError('VALIDATION_FAILED', 'Missing file', { issues: [{ path: 'file', message: 'a file field named "file" is required' }] });
    }
    const id = randomUUID();
    await mkdir(this.config.UPLOAD_TMP_DIR, { recursive: true });
    const spool = path.join(this.config.UPLOAD_TMP_DIR, id);
    try {
      const counter = new ByteLimit(maxBytes);
      try {
        await pipeline(part.file, counter, createWriteStream(spool));
      } catch (err) {
        if (counter.exceeded || (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
        throw err;
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
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await this.repo.findOwned(userId, id) : null;
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
