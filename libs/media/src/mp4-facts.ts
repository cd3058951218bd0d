import { open, type FileHandle } from 'node:fs/promises';
import type { ProbeResult } from './probe';

/** Past this, a `moov` box is not one of our outputs' (a 1 h trim's is a few MB): let ffprobe read it. */
const MAX_MOOV_BYTES = 64 * 1024 * 1024;

interface Box {
  type: string;
  /** Offsets of the payload (after the header) and of the end, within the buffer or file. */
  start: number;
  end: number;
}

/** The boxes laid end to end in `buf[start, end)`; stops at the first malformed header. */
function* boxes(buf: Buffer, start: number, end: number): Generator<Box> {
  let o = start;
  while (o + 8 <= end) {
    let size = buf.readUInt32BE(o);
    let header = 8;
    if (size === 1) {
      if (o + 16 > end) return;
      size = Number(buf.readBigUInt64BE(o + 8));
      header = 16;
    } else if (size === 0) size = end - o;
    if (size < header || o + size > end) return;
    yield { type: buf.toString('latin1', o + 4, o + 8), start: o + header, end: o + size };
    o += size;
  }
}

const child = (buf: Buffer, b: Box | undefined, type: string) => (b ? [...boxes(buf, b.start, b.end)].find((c) => c.type === type) : undefined);

/** `mvhd`/`mdhd` (same layout up to the duration): [timescale, duration]. */
function timing(buf: Buffer, b: Box): [number, number] | null {
  const v = buf[b.start];
  const need = v === 1 ? 32 : 20;
  if (b.end - b.start < need) return null;
  return v === 1 ? [buf.readUInt32BE(b.start + 20), Number(buf.readBigUInt64BE(b.start + 24))] : [buf.readUInt32BE(b.start + 12), buf.readUInt32BE(b.start + 16)];
}

interface TopBox {
  type: string;
  offset: number;
  header: number;
  size: number;
}

/** A file's top-level boxes from their headers alone (16 bytes read each); `null` (then the end) at a malformed header. */
async function* topLevelBoxes(fh: FileHandle, fileSize: number): AsyncGenerator<TopBox | null> {
  const head = Buffer.alloc(16);
  let o = 0;
  while (o + 8 <= fileSize) {
    const { bytesRead } = await fh.read(head, 0, 16, o);
    let size = bytesRead >= 8 ? head.readUInt32BE(0) : 0;
    let header = 8;
    if (bytesRead < 8 || (size === 1 && bytesRead < 16)) {
      yield null;
      return;
    }
    if (size === 1) {
      size = Number(head.readBigUInt64BE(8)); // a 64-bit size follows the type
      header = 16;
    } else if (size === 0) size = fileSize - o; // the box runs to the end of the file
    if (size < header || o + size > fileSize) {
      yield null;
      return;
    }
    yield { type: head.toString('latin1', 4, 8), offset: o, header, size };
    o += size;
  }
}

/** A top-level box's content, read whole (null past MAX_MOOV_BYTES or on a short read). */
async function readBox(fh: FileHandle, b: TopBox): Promise<Buffer | null> {
  if (b.size > MAX_MOOV_BYTES) return null;
  const content = Buffer.alloc(b.size - b.header);
  const got = await fh.read(content, 0, content.length, b.offset + b.header);
  return got.bytesRead === content.length ? content : null;
}

/** Finds the top-level `moov` box of a file by reading box headers only, then reads it whole. */
async function readMoov(fh: FileHandle, fileSize: number): Promise<Buffer | null> {
  for await (const b of topLevelBoxes(fh, fileSize)) {
    if (!b) return null;
    if (b.type === 'moov') return readBox(fh, b);
  }
  return null;
}

/**
 * The facts ffprobe would report of an MP4 that ffmpeg just wrote (our own output), read from its
 * `moov` box instead of starting an ffprobe process: the duration is the movie header's (`mvhd`,
 * which is what ffprobe reports as the format's duration), the video size the first video sample
 * entry's, and the size the file's (no codec names: nothing that uses this needs them). Null when the file is not laid out as expected (fragmented,
 * no `moov`, an unknown sample entry): the caller then asks ffprobe.
 */
export async function mp4Facts(file: string): Promise<ProbeResult | null> {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    const moov = await readMoov(fh, size);
    if (!moov) return null;
    const all = [...boxes(moov, 0, moov.length)];
    const mvhd = all.find((b) => b.type === 'mvhd');
    const movie = mvhd && timing(moov, mvhd);
    if (!movie || !(movie[0] > 0) || !(movie[1] > 0) || all.some((b) => b.type === 'mvex')) return null;
    let video: { width: number; height: number } | undefined;
    let audio = false;
    for (const trak of all.filter((b) => b.type === 'trak')) {
      const mdia = child(moov, trak, 'mdia');
      const hdlr = child(moov, mdia, 'hdlr');
      if (!hdlr || hdlr.end - hdlr.start < 12) return null;
      const handler = moov.toString('latin1', hdlr.start + 8, hdlr.start + 12);
      const stsd = child(moov, child(moov, child(moov, mdia, 'minf'), 'stbl'), 'stsd');
      // stsd: version/flags (4), entry count (4), then the first sample entry box
      const entry = stsd && stsd.end - stsd.start >= 16 ? [...boxes(moov, stsd.start + 8, stsd.end)][0] : undefined;
      if (!entry) return null;
      if (handler === 'vide' && !video) {
        // visual sample entry: reserved (6), data ref index (2), pre-defined/reserved (16), width (2), height (2)
        if (entry.end - entry.start < 28) return null;
        const width = moov.readUInt16BE(entry.start + 24);
        const height = moov.readUInt16BE(entry.start + 26);
        if (!width || !height) return null;
        video = { width, height };
      } else if (handler === 'soun' && !audio) {
        audio = true;
      }
    }
    if (!video && !audio) return null;
    return {
      durationS: movie[1] / movie[0],
      width: video?.width,
      height: video?.height,
      hasVideo: !!video,
      hasAudio: audio,
      isImage: false,
      formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
      sizeBytes: size,
    };
  } finally {
    await fh.close();
  }
}


/**
 * Whether an MP4/MOV file is fragmented, from its box headers: a top-level `moof`, or an `mvex`
 * in its `moov` (what `-movflags frag_keyframe+empty_moov` and DASH/CMAF segments write; the
 * `ftyp` brands are no guide: ffmpeg keeps `isom` for a fragmented file). Null when the layout
 * cannot be read (no `moov`, a malformed box, a `moov` too large), which callers treat as unknown.
 * Reads a few 16-byte headers and at most the `moov`, never the media data.
 */
export async function mp4Fragmented(file: string): Promise<boolean | null> {
  const fh = await open(file, 'r');
  try {
    const { size: fileSize } = await fh.stat();
    let sawMoov = false;
    for await (const b of topLevelBoxes(fh, fileSize)) {
      if (!b) return null;
      if (b.type === 'moof') return true;
      if (b.type === 'moov') {
        const moov = await readBox(fh, b);
        if (!moov) return null;
        if ([...boxes(moov, 0, moov.length)].some((c) => c.type === 'mvex')) return true;
        sawMoov = true;
      }
    }
    return sawMoov ? false : null;
  } finally {
    await fh.close();
  }
}
