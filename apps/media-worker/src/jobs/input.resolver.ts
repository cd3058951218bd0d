import path from 'node:path';
import { AppError, jobInputSchema } from '@clipyard/contracts';
import { fetchUrlToFile, fetchVideoPageToFile, MediaAbortedError, MediaError, safeInputExtension, type MediaConfig, type MediaInput } from '@clipyard/media';
import { keyBelongsTo, type Storage } from '@clipyard/storage';

/** Brings a job's input into its work folder: from storage (owner-checked), a URL (SSRF-checked), or a video page (yt-dlp metadata, then the guarded fetcher). */
export class InputResolver {
  constructor(
    private readonly storage: Storage,
    private readonly config: MediaConfig,
  ) {}

  /**
   * `fetch`, except that a stored input on S3 stays there: ffmpeg reads it through a presigned
   * URL (valid `expiresInS`) with range requests. Its size comes from a HeadObject that runs
   * beside ffmpeg (`bytes` settles then; INPUT_NOT_FOUND for a missing object).
   */
  async open(
    raw: unknown,
    ctx: { userId: string; workDir: string; signal: AbortSignal; maxBytes?: number; maxMediaSeconds?: number; expiresInS: number },
  ): Promise<{ source: MediaInput; bytes: Promise<number> }> {
    const parsed = jobInputSchema.safeParse(raw);
    if (!parsed.success || !('key' in parsed.data) || this.storage.driver !== 's3') {
      const { file, bytes } = await this.fetch(raw, ctx);
      return { source: file, bytes: Promise.resolve(bytes) };
    }
    const key = parsed.data.key;
    if (!keyBelongsTo(key, ctx.userId)) throw new MediaError('INPUT_NOT_FOUND', 'Input not found');
    if (ctx.signal.aborted) throw new MediaAbortedError();
    const bytes = this.storage.stat(key).then((stored) => {
      if (!stored) throw new MediaError('INPUT_NOT_FOUND', 'Input not found');
      return stored.size;
    }, inputNotFound);
    bytes.catch(() => undefined); // awaited by the caller; never an unhandled rejection if it stops first
    const storeUrl = await this.storage.signedUrl(key, { expiresInS: ctx.expiresInS }).catch(inputNotFound);
    return { source: { storeUrl }, bytes };
  }

  async fetch(
    raw: unknown,
    ctx: { userId: string; workDir: string; signal: AbortSignal; maxBytes?: number; maxMediaSeconds?: number },
  ): Promise<{ file: string; bytes: number }> {
    const parsed = jobInputSchema.safeParse(raw);
    if (!parsed.success) throw new MediaError('VALIDATION_FAILED', 'params.input must be {key}, {url} or {video_page_url}');
    const input = parsed.data;
    if ('video_page_url' in input) {
      const got = await fetchVideoPageToFile(input.video_page_url, ctx.workDir, this.config, {
        maxBytes: ctx.maxBytes,
        maxMediaSeconds: ctx.maxMediaSeconds,
        signal: ctx.signal,
      });
      return { file: got.file, bytes: got.size };
    }
    if ('url' in input) {
      // Never a user-chosen extension such as .m3u8: ffmpeg picks some demuxers by name.
      const file = path.join(ctx.workDir, `input${safeInputExtension(path.extname(new URL(input.url).pathname))}`);
      const { size } = await fetchUrlToFile(input.url, file, this.config, { maxBytes: ctx.maxBytes, signal: ctx.signal });
      return { file, bytes: size };
    }
    // A key from a payload is still checked: it must sit under the job owner's folder.
    if (!keyBelongsTo(input.key, ctx.userId)) throw new MediaError('INPUT_NOT_FOUND', 'Input not found');
    const file = path.join(ctx.workDir, `input${safeInputExtension(path.extname(input.key))}`);
    if (ctx.signal.aborted) throw new MediaAbortedError();
    try {
      // the local driver's stored file is read in place (ffmpeg only reads it): no copy
      if (this.storage.localFile) {
        const stored = await this.storage.localFile(input.key);
        if (!stored) throw new MediaError('INPUT_NOT_FOUND', 'Input not found');
        return { file: stored.file, bytes: stored.size };
      }
      const { size } = await this.storage.download(input.key, file);
      return { file, bytes: size };
    } catch (err) {
      inputNotFound(err);
    }
  }
}

/** A storage error about the key itself (no such object, a malformed key) is the job's INPUT_NOT_FOUND; anything else is rethrown. */
function inputNotFound(err: unknown): never {
  if (err instanceof AppError && (err.code === 'OBJECT_NOT_FOUND' || err.code === 'INVALID_STORAGE_KEY')) throw new MediaError('INPUT_NOT_FOUND', 'Input not found');
  throw err;
}
