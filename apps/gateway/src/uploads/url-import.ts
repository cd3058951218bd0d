import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppError } from '@clipyard/contracts';
import { ROOT_LOGGER } from '@clipyard/observability';
import { safeRequest } from '@clipyard/security';
import { Storage, fileTooLarge, storageKey } from '@clipyard/storage';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { MediaProbe } from './media-probe';
import { UploadsRepository, type UploadRecord } from './uploads.repository';

const onUrl = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(code, message, { ...details, issues: [{ path: 'input.url', message }] });

/**
 * A URL input is fetched (SSRF-checked, at most the plan's file size) and probed at submission,
 * before anything is reserved: its real size and duration decide the reservation (413
 * FILE_TOO_LARGE / MEDIA_TOO_LONG, the transcription minutes), and the bytes that were probed are
 * the bytes the worker processes — the fetched file is stored like an upload of the caller's
 * (`users/{userId}/inputs/…`, listed in /v1/uploads, kept for the plan's retention).
 */
@Injectable()
export class UrlImport {
  constructor(
    private readonly repo: UploadsRepository,
    private readonly storage: Storage,
    private readonly probe: MediaProbe,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async import(userId: string, url: string, maxBytes: number): Promise<UploadRecord> {
    const id = randomUUID();
    await mkdir(this.config.UPLOAD_TMP_DIR, { recursive: true });
    const spool = path.join(this.config.UPLOAD_TMP_DIR, `url-${id}`);
    try {
      const size = await this.fetch(url, spool, maxBytes);
      if (size === 0) throw onUrl('UNSUPPORTED_MEDIA', 'Unsupported or corrupt media: the URL returned no bytes');
      const media = await this.probe.probe(spool);
      const key = storageKey({ userId, area: 'inputs', id, name: `source.${media.ext}` });
      const stored = await this.storage.putFile(key, spool, { contentType: media.contentType });
      try {
        return await this.repo.insert({
          id,
          userId,
          storageKey: key,
          filename: nameOf(url),
          contentType: media.contentType,
          size: stored.size,
          durationS: media.durationS ?? null,
          width: media.width ?? null,
          height: media.height ?? null,
          codecs: media.codecs,
          fragmented: media.fragmented,
        });
      } catch (err) {
        await this.storage.delete(key).catch(() => undefined);
        throw err;
      }
    } finally {
      await rm(spool, { force: true }).catch((err) => this.logger.warn({ err }, 'could not remove a URL input spool file'));
    }
  }

  /** Drops an imported input whose job was then refused (quota, length, features). */
  async discard(upload: UploadRecord): Promise<void> {
    await this.storage.delete(upload.storageKey);
    await this.repo.markExpired(upload.userId, [upload.id]);
  }

  private async fetch(url: string, file: string, maxBytes: number): Promise<number> {
    try {
      const res = await safeRequest(url, {
        policy: { allowPrivate: this.config.ALLOW_PRIVATE_URLS },
        maxBytes,
        timeoutMs: this.config.URL_FETCH_TIMEOUT_S * 1000,
        maxRedirects: this.config.URL_MAX_REDIRECTS,
      });
      if (res.status < 200 || res.status >= 300) {
        res.body.destroy();
        throw onUrl('URL_FETCH_FAILED', `The URL answered HTTP ${res.status}`, { status: res.status });
      }
      let size = 0;
      res.body.on('data', (c: Buffer) => (size += c.length));
      await pipeline(res.body, createWriteStream(file));
      return size;
    } catch (err) {
      if (err instanceof AppError && err.code === 'INPUT_TOO_LARGE') {
        const e = fileTooLarge(maxBytes);
        throw new AppError(e.code, `The URL's body is larger than your plan allows (${maxBytes} bytes)`, { ...e.details, limit: maxBytes });
      }
      if (err instanceof AppError) throw err.details?.issues ? err : onUrl(err.code, err.message, err.details);
      throw onUrl('URL_FETCH_FAILED', 'Could not fetch the URL');
    }
  }
}

/** The URL's last path segment, for display only. */
function nameOf(url: string): string | null {
  try {
    const last = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
    return last.replace(/[\u0000-\u001f\u007f/\\]/g, '_').slice(0, 255) || null;
  } catch {
    return null;
  }
}
