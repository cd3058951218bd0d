import type { InputStreams } from '@clipyard/contracts';

/**
 * Codecs whose MP4/MOV sample entry (`avcC`, `hvcC`, `esds`, …) already holds everything a stream
 * copy writes, so ffmpeg's `avformat_find_stream_info` (which reads the first packets: a third
 * range request on a store URL) changes nothing in the output. Checked byte for byte on a plain
 * MP4/MOV (2 Dec 2026, ffmpeg 5.1). Not on the list because the output differed or failed without
 * it: VP9 (an empty `vpcC`), AV1 (a different `av1C`), MPEG-4 Part 2 ("dimensions not set"); and
 * anything not checked.
 */
export const STREAM_INFO_FREE_CODECS: ReadonlySet<string> = new Set(['h264', 'hevc', 'aac', 'mp3', 'ac3', 'alac', 'mjpeg']);

/** Content types the gateway gives an upload whose ffprobe format is the mov/mp4 family. */
const MP4_FAMILY: ReadonlySet<string> = new Set(['video/mp4', 'audio/mp4']);

/** What the gateway's upload probe recorded of a stored input (`input_streams` absent: a gateway that did not send them). */
export type StoredInputFacts = { contentType: string } & Partial<InputStreams>;

/**
 * Whether a stream copy of this input may skip `avformat_find_stream_info` (`-nofind_stream_info`):
 * only on an allow-list — a plain (known not fragmented) MP4/MOV whose every stream is one of
 * STREAM_INFO_FREE_CODECS. Anything unknown (no codecs sent, fragmentation not known) keeps it.
 */
export function skipsStreamInfo(f: StoredInputFacts): boolean {
  if (!MP4_FAMILY.has(f.contentType)) return false;
  if (f.fragmented !== false) return false;
  if (!f.codecs?.length) return false;
  return f.codecs.every((c) => STREAM_INFO_FREE_CODECS.has(c));
}
