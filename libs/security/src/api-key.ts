import { createHmac, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

/** Recognisable prefix of every Clipyard API key (lets secret scanners find leaked keys). */
export const API_KEY_PREFIX = 'cy_live_';
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 43 base62 characters carry 256 bits of randomness (62^43 > 2^256). */
const BODY_LEN = 43;
const CHECKSUM_LEN = 6;
const KEY_RE = new RegExp(`^${API_KEY_PREFIX}[0-9A-Za-z]{${BODY_LEN + CHECKSUM_LEN}}$`);

function base62(n: number, width: number): string {
  let s = '';
  for (let i = 0; i < width; i++) {
    s = ALPHABET[n % 62] + s;
    n = Math.floor(n / 62);
  }
  return s;
}

function randomBase62(len: number): string {
  let out = '';
  while (out.length < len) {
    for (const b of randomBytes(len * 2)) {
      if (b < 248 && out.length < len) out += ALPHABET[b % 62]; // 248 = 4*62: no modulo bias
    }
  }
  return out;
}

const checksum = (head: string) => base62(crc32(head) >>> 0, CHECKSUM_LEN);

/** A new API key: `cy_live_` + 43 random base62 characters + a 6-character CRC32 checksum. */
export function generateApiKey(): string {
  const head = API_KEY_PREFIX + randomBase62(BODY_LEN);
  return head + checksum(head);
}

/** True when `key` has the right shape and checksum (no lookup needed to reject a typo). */
export function isWellFormedApiKey(key: string): boolean {
  if (!KEY_RE.test(key)) return false;
  const head = key.slice(0, -CHECKSUM_LEN);
  return checksum(head) === key.slice(-CHECKSUM_LEN);
}

/** Looks like one of ours (prefix), whether or not it is valid: used to pick the auth scheme. */
export const looksLikeApiKey = (value: string) => value.startsWith(API_KEY_PREFIX);

/**
 * Keyed hash stored in the database and used as the cache key. Keys are high-entropy, so a fast
 * HMAC-SHA256 with a server pepper is enough (argon2 would only slow the hot path down).
 */
export function hashApiKey(key: string, pepper: string): string {
  return createHmac('sha256', pepper).update(key).digest('hex');
}

/** The last 4 characters, for display next to the prefix. */
export const apiKeyLast4 = (key: string) => key.slice(-4);
