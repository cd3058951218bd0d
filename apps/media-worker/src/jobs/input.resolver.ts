import path from 'node:path';
import { AppError, jobInputSchema } from '@clipyard/contracts';
import { fetchUrlToFile, fetchVideoPageToFile, MediaAbortedError, MediaError, safeInputExtension, type MediaConfig } from '@clipyard/media';
import { keyBelongsTo, type Storage } from '@clipyard/storage';

/** Brings a job's input into its work folder: from storage (owner-checked), a URL (SSRF-checked), or a video page (yt-dlp metadata, then the guarded fetcher). */
export class InputResolver {
  constructor(
    private readonly storage: Storage,
    private readonly config: MediaConfig,
  ) {}

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
      if (err instanceof AppError && (err.code === 'OBJECT_NOT_FOUND' || err.code === 'INVALID_STORAGE_KEY')) {
        throw new MediaError('INPUT_NOT_FOUND', 'Input not found');
      }
      throw err;
    }
  }
}
