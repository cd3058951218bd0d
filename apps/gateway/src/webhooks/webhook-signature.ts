import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">` (one v1 per live secret). */
export const SIGNATURE_HEADER = 'Clipyard-Signature';

/** A new endpoint secret: shown to its owner once, used as the HMAC key as-is (UTF-8). */
export const generateWebhookSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

export const hmacHex = (secret: string, timestamp: number, body: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/**
 * The signature header for `body` at `timestamp`. During a secret rotation's overlap both the new
 * and the previous secret sign, so receivers that still hold the old one keep verifying.
 */
export function signatureHeader(body: string, secrets: string[], timestamp: number): string {
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${hmacHex(s, timestamp, body)}`)].join(',');
}

/**
 * Receiver-side check (also what the README shows): one of the v1 signatures matches and the
 * timestamp is within `toleranceSeconds` of now (replay protection).
 */
export function verifySignature(header: string, body: string, secret: string, toleranceSeconds = 300, now = Date.now()): boolean {
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(now / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, t, body), 'hex');
  return parts
    .filter(([k, v]) => k === 'v1' && /^[0-9a-f]{64}$/.test(v ?? ''))
    .some(([, v]) => timingSafeEqual(Buffer.from(v, 'hex'), expected));
}
