/**
 * What ffmpeg and ffprobe may open when they read a job's input. Inputs are always a local copy in
 * the job's work folder (uploads spooled, URLs fetched through the URL policy), so:
 * - protocols: `file` and `pipe` only — no http, tcp, data, concat, subfile… from inside a file;
 * - demuxers: the formats the product accepts. Playlists and container formats that name other
 *   files or URLs (hls, dash, concat, ffconcat, tee, image2 patterns of other folders…) are not
 *   on the list, so no input can make the worker read another file on its disk.
 */
export const INPUT_DEMUXERS = [
  'mov', // mp4, m4a, m4v, mov, 3gp (external data references are off by default)
  'matroska', // mkv, webm
  'avi',
  'flv',
  'asf', // wmv, wma
  'mpegts',
  'mpeg', // program stream
  'mp3',
  'aac',
  'wav',
  'w64',
  'aiff',
  'caf',
  'flac',
  'ogg',
  'gif',
  'png_pipe',
  'jpeg_pipe',
  'webp_pipe',
  'bmp_pipe',
  'tiff_pipe',
  'jpegls_pipe',
  'image2', // a single still picture named by its extension (our own fixed file name)
] as const;

/** ffmpeg/ffprobe options placed before every `-i <input>`. */
export const INPUT_OPTIONS: readonly string[] = ['-protocol_whitelist', 'file,pipe', '-format_whitelist', INPUT_DEMUXERS.join(',')];

/**
 * An input ffmpeg reads over HTTP(S) with range requests instead of a local copy: only ever a
 * time-limited URL of the worker's own object store (never a user's URL, which is fetched through
 * the URL policy into a file). The protocol whitelist then admits its scheme and nothing else.
 */
export interface StoreUrlInput {
  storeUrl: string;
}

/** What a trim reads: a local file, or an object of our own store through its presigned URL. */
export type MediaInput = string | StoreUrlInput;

/** INPUT_OPTIONS for one input: `file,pipe` for a local file, exactly the store URL's scheme (http,tcp or https,tls,tcp) for a store URL. */
export function inputOptionsFor(input: MediaInput): readonly string[] {
  if (typeof input === 'string') return INPUT_OPTIONS;
  const scheme = new URL(input.storeUrl).protocol;
  const protocols = scheme === 'https:' ? 'https,tls,tcp' : scheme === 'http:' ? 'http,tcp' : null;
  if (!protocols) throw new Error(`a store URL must be http(s), not ${scheme}`);
  // keep-alive between the few range requests of one read (the header, the moov, the cut)
  return ['-protocol_whitelist', protocols, '-format_whitelist', INPUT_DEMUXERS.join(','), '-multiple_requests', '1'];
}

/** A store URL with its query (the presigned credentials) cut, for messages and logs. */
export const withoutQuery = (text: string) => text.replace(/(https?:\/\/[^\s?'"]+)\?[^\s'"]*/g, '$1?…');

/** Extensions an input's local copy may keep (others get none; ffmpeg then probes the content). */
const SAFE_EXTENSIONS = new Set(['.mp4', '.m4v', '.m4a', '.mov', '.3gp', '.mkv', '.webm', '.ogv', '.avi', '.flv', '.wmv', '.wma', '.ts', '.mpg', '.mpeg', '.mp3', '.aac', '.wav', '.aif', '.aiff', '.caf', '.flac', '.ogg', '.oga', '.opus', '.gif', '.png', '.jpg', '.jpeg', '.webp', '.bmp', '.tif', '.tiff']);

/** The extension an input's local copy is named with: one of the safe ones, or none (never `.m3u8`). */
export function safeInputExtension(ext: string): string {
  const e = ext.toLowerCase();
  return SAFE_EXTENSIONS.has(e) ? e : '';
}
