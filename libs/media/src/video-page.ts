import { execFile } from 'node:child_process';
import { lookup as dnsLookup } from 'node:dns/promises';
import { rm } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { assertAddressAllowed, checkUrl, type UrlPolicy } from '@clipyard/security';
import { fetchUrlToFile } from './fetch-input';
import { startGuardProxy } from './guard-proxy';
import type { MediaConfig } from './media.config';
import { MediaError } from './media-error';
import { probe } from './transcription/audio';
import { lowerToolPriority } from './tool-priority';

export interface VideoPageMedia {
  title?: string;
  /** Seconds, when the page says (yt-dlp's `duration`); unknown for some generic pages. */
  duration?: number;
  /** The media file yt-dlp chose: fetched by the caller through the guarded fetcher, never by yt-dlp. */
  mediaUrl: string;
  /** Headers yt-dlp would send for that file (user agent, referer), without cookies. */
  headers: Record<string, string>;
  /** Bytes, when the site says. */
  filesize?: number;
  ext?: string;
  extractor?: string;
}

export interface VideoPageOptions {
  ytdlpPath: string;
  timeoutMs: number;
  /** Every connection yt-dlp makes goes through a guard proxy enforcing this policy. */
  policy: UrlPolicy;
  /** Bytes yt-dlp may read while extracting (pages, player scripts, a media file's first bytes). */
  maxMetadataBytes?: number;
  signal?: AbortSignal;
}

/** Only progressive downloads over http(s): HLS/DASH manifests would make yt-dlp (not us) fetch segments. */
const FORMAT = 'best[protocol=https]/best[protocol=http]';
const HEADER_ALLOW = new Set(['user-agent', 'accept', 'accept-language', 'referer']);

/**
 * Asks yt-dlp for a video page's metadata only (`--dump-single-json`, nothing saved, no config
 * files, no cache, no playlists) and picks one progressive http(s) file. yt-dlp reaches the
 * network only through a guard proxy that applies the URL policy to every connection (pages,
 * APIs, the media URLs it probes); a refusal there fails the input with URL_FORBIDDEN. The URL
 * comes after `--`, so it can never be read as an option. Unsupported pages are final; network
 * trouble and timeouts are retryable.
 */
export async function videoPageMetadata(pageUrl: string, o: VideoPageOptions): Promise<VideoPageMedia> {
  const proxy = await startGuardProxy(o.policy, { maxBytes: o.maxMetadataBytes ?? 64 * 1024 * 1024, timeoutMs: o.timeoutMs });
  try {
    return await runYtdlp(pageUrl, o, proxy.url);
  } catch (err) {
    if (proxy.refused.length) {
      throw new MediaError('URL_FORBIDDEN', `The video page led to an address that is not allowed (${proxy.refused[0].slice(0, 100)})`);
    }
    throw err;
  } finally {
    await proxy.close();
  }
}

async function runYtdlp(pageUrl: string, o: VideoPageOptions, proxyUrl: string): Promise<VideoPageMedia> {
  const args = [
    '--proxy',
    proxyUrl,
    '--dump-single-json',
    '--no-playlist',
    '--no-warnings',
    '--ignore-config',
    '--no-cache-dir',
    '--no-call-home',
    '--socket-timeout',
    String(Math.max(5, Math.ceil(o.timeoutMs / 3000))),
    '-f',
    FORMAT,
    '--',
    pageUrl,
  ];
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = execFile(o.ytdlpPath, args, { timeout: o.timeoutMs, maxBuffer: 32 * 1024 * 1024, signal: o.signal, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/nonexistent', LANG: 'C.UTF-8' } }, (err, out, stderr) => {
      if (!err) return resolve(out);
      const e = err as NodeJS.ErrnoException & { killed?: boolean };
      if (o.signal?.aborted) return reject(err);
      if (e.code === 'ENOENT') return reject(new MediaError('VIDEO_PAGE_UNAVAILABLE', 'Video pages cannot be read on this server (yt-dlp is not installed)', false));
      if (e.killed) return reject(new MediaError('URL_FETCH_FAILED', 'Reading the video page took too long', true));
      reject(ytdlpError(String(stderr)));
    });
    lowerToolPriority(child.pid);
  });
  let info: Record<string, unknown>;
  try {
    info = JSON.parse(stdout) as Record<string, unknown>;
  } catch {
    throw new MediaError('UNSUPPORTED_MEDIA', 'The video page could not be read (yt-dlp gave no metadata)');
  }
  const url = typeof info.url === 'string' ? info.url : undefined;
  const protocol = String(info.protocol ?? '');
  if (!url || !/^https?$/.test(protocol)) {
    throw new MediaError('UNSUPPORTED_MEDIA', 'The video page offers no single downloadable file (streaming-only formats such as HLS/DASH are not supported)');
  }
  const rawHeaders = (info.http_headers ?? {}) as Record<string, unknown>;
  const headers = Object.fromEntries(
    Object.entries(rawHeaders).filter(([k, v]) => HEADER_ALLOW.has(k.toLowerCase()) && typeof v === 'string' && !/[\r\n]/.test(v)),
  ) as Record<string, string>;
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : undefined);
  return {
    title: typeof info.title === 'string' ? info.title.slice(0, 300) : undefined,
    duration: num(info.duration),
    mediaUrl: url,
    headers,
    filesize: num(info.filesize) ?? num(info.filesize_approx),
    ext: typeof info.ext === 'string' && /^[a-z0-9]{1,5}$/.test(info.ext) ? info.ext : undefined,
    extractor: typeof info.extractor === 'string' ? info.extractor : undefined,
  };
}

/** yt-dlp's `ERROR:` line → a coded error (first line only; it can hold the URL, never a secret of ours). */
function ytdlpError(stderr: string): MediaError {
  const line = (stderr.split('\n').find((l) => l.startsWith('ERROR:')) ?? stderr.trim().split('\n').pop() ?? '').replace(/^ERROR:\s*/, '').slice(0, 300);
  if (/Unsupported URL|no video|No video formats|Requested format is not available|Unable to extract|is not a valid URL/i.test(line)) {
    return new MediaError('UNSUPPORTED_MEDIA', `No video found on that page: ${line}`);
  }
  if (/HTTP Error 4(0[0-9]|1[0-9])|Private video|Sign in|members-only|age|unavailable|removed/i.test(line)) {
    return new MediaError('URL_FETCH_FAILED', `The video page refused: ${line}`, false);
  }
  return new MediaError('URL_FETCH_FAILED', `The video page could not be read: ${line}`, true);
}

/** The page's host must resolve only to addresses the URL policy allows before yt-dlp may contact it. */
export async function assertPageAllowed(pageUrl: string, policy: UrlPolicy): Promise<void> {
  const url = checkUrl(pageUrl, policy);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return; // checkUrl judged the literal
  const addresses = await dnsLookup(host, { all: true, verbatim: true }).catch(() => []);
  if (!addresses.length) throw new MediaError('URL_FETCH_FAILED', `${host} does not resolve`, true);
  for (const a of addresses) assertAddressAllowed(a.address, policy);
}

/**
 * A video page → a media file in `workDir`: the page's host checked, yt-dlp asked for metadata
 * only, the length checked against the plan before any byte is downloaded, then the one media
 * file fetched through the SSRF-guarded client with the size cap (every hop checked again).
 * When the page did not say how long the video is, the downloaded file is measured instead.
 */
export async function fetchVideoPageToFile(
  pageUrl: string,
  workDir: string,
  config: MediaConfig,
  opts: { maxBytes?: number; maxMediaSeconds?: number; signal?: AbortSignal },
): Promise<{ file: string; size: number; duration?: number; title?: string }> {
  if (!config.VIDEO_PAGE_INPUTS) throw new MediaError('VIDEO_PAGE_INPUTS_DISABLED', 'Video page inputs are not enabled on this server');
  const policy = { allowPrivate: config.ALLOW_PRIVATE_URLS };
  try {
    await assertPageAllowed(pageUrl, policy);
  } catch (err) {
    if (err instanceof MediaError) throw err;
    throw new MediaError('URL_FORBIDDEN', (err as Error).message);
  }
  const meta = await videoPageMetadata(pageUrl, { ytdlpPath: config.YTDLP_PATH, timeoutMs: config.YTDLP_TIMEOUT_S * 1000, policy, signal: opts.signal });
  const tooLong = (d: number) =>
    new MediaError('MEDIA_TOO_LONG', `The video is longer than your plan allows (${opts.maxMediaSeconds} s)`, false, { limit: opts.maxMediaSeconds, actual: Math.round(d) });
  if (opts.maxMediaSeconds && meta.duration !== undefined && meta.duration > opts.maxMediaSeconds) throw tooLong(meta.duration);
  const maxBytes = Math.min(opts.maxBytes ?? config.URL_MAX_BYTES, config.URL_MAX_BYTES);
  if (meta.filesize !== undefined && meta.filesize > maxBytes) {
    throw new MediaError('INPUT_TOO_LARGE', `The video is larger than allowed (${maxBytes} bytes)`, false, { limit: maxBytes, actual: meta.filesize });
  }
  const file = join(workDir, `input.${meta.ext ?? 'mp4'}`);
  const { size } = await fetchUrlToFile(meta.mediaUrl, file, config, { maxBytes, signal: opts.signal, headers: meta.headers });
  let duration = meta.duration;
  if (duration === undefined && opts.maxMediaSeconds) {
    duration = (await probe(file, { signal: opts.signal }).catch(() => ({ duration: 0 }))).duration || undefined;
    if (duration !== undefined && duration > opts.maxMediaSeconds) {
      await rm(file, { force: true });
      throw tooLong(duration);
    }
  }
  return { file, size, duration, title: meta.title };
}
