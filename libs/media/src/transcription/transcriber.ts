import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '@clipyard/contracts';
import { detectSilences, extractSpeechAudio, probe } from './audio';
import { mapLimit, planChunks, type ChunkSpan } from './chunking';
import { stitch, toPlainText, toSrt, toVtt, type Transcript } from './transcript';
import type { WhisperResult } from './whisper.client';

export interface TranscribeMediaOptions {
  /** Any audio or video file on local disk. */
  input: string;
  /** A scratch folder owned by the job (the caller removes it). */
  workDir: string;
  /**
   * Sends one chunk to the provider. A closure, so the decrypted key stays with the caller and
   * never passes through this module.
   */
  send: (chunkPath: string, index: number, signal: AbortSignal) => Promise<WhisperResult>;
  /** The provider's upload limit. */
  maxChunkBytes: number;
  /** Chunks in flight at once. */
  concurrency: number;
  bitrateKbps?: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  ffmpegTimeoutMs?: number;
}

export interface TranscribeMediaResult {
  transcript: Transcript;
  /** Seconds of audio sent (what usage is metered on). */
  audioSeconds: number;
  chunks: ChunkSpan[];
}

/**
 * Whole flow on local files: extract speech-ready audio, split it under the upload limit at quiet
 * points, send the chunks with bounded concurrency, stitch them back with global timestamps.
 */
export async function transcribeMedia(o: TranscribeMediaOptions): Promise<TranscribeMediaResult> {
  const progress = (f: number) => o.onProgress?.(Math.min(1, Math.max(0, f)));
  const info = await probe(o.input, { signal: o.signal, timeoutMs: o.ffmpegTimeoutMs });
  if (!info.hasAudio) throw new AppError('NO_AUDIO_STREAM', 'The input has no audio stream to transcribe');

  const audio = join(o.workDir, 'speech.mp3');
  await extractSpeechAudio(o.input, audio, { bitrateKbps: o.bitrateKbps, signal: o.signal, timeoutMs: o.ffmpegTimeoutMs });
  const { size } = await stat(audio);
  const duration = (await probe(audio, { signal: o.signal })).duration || info.duration;
  progress(0.1);

  let spans: ChunkSpan[] = [{ start: 0, end: duration }];
  let paths = [audio];
  if (size > o.maxChunkBytes * 0.9) {
    const silences = await detectSilences(audio, { signal: o.signal, timeoutMs: o.ffmpegTimeoutMs });
    spans = planChunks({ duration, sizeBytes: size, maxBytes: o.maxChunkBytes, silences });
    paths = [];
    for (const [i, s] of spans.entries()) {
      const p = join(o.workDir, `chunk-${String(i).padStart(4, '0')}.mp3`);
      await extractSpeechAudio(audio, p, { start: s.start, duration: s.end - s.start, bitrateKbps: o.bitrateKbps, signal: o.signal });
      const { size: chunkSize } = await stat(p);
      if (chunkSize > o.maxChunkBytes) {
        throw new AppError('INTERNAL', `chunk ${i} is ${chunkSize} bytes, over the ${o.maxChunkBytes} byte limit`);
      }
      paths.push(p);
    }
  }
  progress(0.15);

  // one failed chunk stops the others: the job is retried or failed as a whole
  const abort = new AbortController();
  const onOuterAbort = () => abort.abort(o.signal?.reason);
  o.signal?.addEventListener('abort', onOuterAbort, { once: true });
  let done = 0;
  try {
    const results = await mapLimit(paths, o.concurrency, async (p, i) => {
      try {
        const r = await o.send(p, i, abort.signal);
        progress(0.15 + (0.8 * ++done) / paths.length);
        return r;
      } catch (e) {
        abort.abort(e);
        throw e;
      }
    });
    const transcript = stitch(
      results.map((result, i) => ({ offset: spans[i].start, end: spans[i].end, result })),
      duration,
    );
    progress(1);
    return { transcript, audioSeconds: duration, chunks: spans };
  } finally {
    o.signal?.removeEventListener('abort', onOuterAbort);
  }
}

export const TRANSCRIPT_FILES = {
  json: { name: 'transcript.json', contentType: 'application/json' },
  txt: { name: 'transcript.txt', contentType: 'text/plain; charset=utf-8' },
  srt: { name: 'transcript.srt', contentType: 'application/x-subrip' },
  vtt: { name: 'transcript.vtt', contentType: 'text/vtt' },
} as const;

/** Writes the four transcript files into `dir`; returns their paths by kind. */
export async function writeTranscriptFiles(t: Transcript, dir: string): Promise<Record<keyof typeof TRANSCRIPT_FILES, string>> {
  const paths = {
    json: join(dir, TRANSCRIPT_FILES.json.name),
    txt: join(dir, TRANSCRIPT_FILES.txt.name),
    srt: join(dir, TRANSCRIPT_FILES.srt.name),
    vtt: join(dir, TRANSCRIPT_FILES.vtt.name),
  };
  await writeFile(paths.json, JSON.stringify(t, null, 2));
  await writeFile(paths.txt, toPlainText(t));
  await writeFile(paths.srt, toSrt(t.segments));
  await writeFile(paths.vtt, toVtt(t.segments));
  return paths;
}
