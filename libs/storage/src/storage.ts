import type { Readable } from 'node:stream';

/** Metadata of a stored object. */
export interface StoredObject {
  key: string;
  size: number;
  contentType: string;
  lastModified: Date;
}

/** What `list` yields (S3 listings carry no content type). */
export type ListedObject = Omit<StoredObject, 'contentType'>;

export interface PutOptions {
  contentType?: string;
  /** Abort (and leave nothing behind) as soon as the stream passes this many bytes. */
  maxBytes?: number;
}

/** Inclusive byte range, as in HTTP `Range: bytes=start-end`. `end` omitted = to the end. */
export interface ByteRange {
  start: number;
  end?: number;
}

export interface GetResult {
  body: Readable;
  /** Size of the whole object. */
  size: number;
  /** Bytes in `body` (the range length when a range was asked for). */
  contentLength: number;
  contentType: string;
  /** The range actually served (inclusive), when one was asked for. */
  range?: { start: number; end: number };
}

export interface SignedUrlOptions {
  expiresInS: number;
  /** Suggested file name for `Content-Disposition: attachment`. */
  downloadName?: string;
}

/**
 * Object storage behind one small interface (local folder or any S3-compatible store). Keys are
 * `users/{userId}/{inputs|outputs}/{yyyy-mm}/{id}/{name}` (see keys.ts); drivers refuse keys that
 * could escape their root. Declared as an abstract class so Nest can inject it by type.
 */
export abstract class Storage {
  abstract readonly driver: 'local' | 's3';
  /** Stores a stream; rejects with FILE_TOO_LARGE (and stores nothing) past `maxBytes`. */
  abstract put(key: string, body: Readable, opts?: PutOptions): Promise<{ size: number }>;
  /**
   * Stores a local file. With `move` the file is the caller's to give away (a job's temp output):
   * the local driver renames it into place when it sits on the same filesystem instead of copying.
   */
  abstract putFile(key: string, filePath: string, opts?: { contentType?: string; move?: boolean }): Promise<{ size: number }>;
  /**
   * Local driver only: the file that holds `key`, for a tool that reads it in place (ffmpeg)
   * instead of copying it out first; null when there is no such object. Never write to it.
   */
  localFile?(key: string): Promise<{ file: string; size: number } | null>;
  /** Streams an object (or a byte range of it); rejects with OBJECT_NOT_FOUND or RANGE_NOT_SATISFIABLE. */
  abstract get(key: string, opts?: { range?: ByteRange }): Promise<GetResult>;
  /** Copies an object to a local file (created or replaced). */
  abstract download(key: string, filePath: string): Promise<{ size: number }>;
  abstract stat(key: string): Promise<StoredObject | null>;
  /** Deletes one object; deleting a missing object is not an error. */
  abstract delete(key: string): Promise<void>;
  /** Deletes every object under `prefix` (which must end with `/`); returns how many. */
  abstract deletePrefix(prefix: string): Promise<number>;
  /** Every object under `prefix`, for cleanup jobs. */
  abstract list(prefix: string): AsyncIterable<ListedObject>;
  /** A time-limited URL that downloads the object without other credentials. */
  abstract signedUrl(key: string, opts: SignedUrlOptions): Promise<string>;
}
