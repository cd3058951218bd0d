import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Standard Webhooks (https://www.standardwebhooks.com): `webhook-id`, `webhook-timestamp` and
 * `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, keyed with the bytes of the
 * base64 part of a `whsec_…` secret, so receivers verify with the `standardwebhooks` or `svix`
 * libraries. During a secret rotation's overlap both secrets sign (space-separated signatures).
 */
export const STANDARD_HEADERS = { id: 'webhook-id', timestamp: 'webhook-timestamp', signature: 'webhook-signature' } as const;

/**
 * The previous header, `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">` keyed with the secret
 * string as UTF-8. Still sent for one release (deprecated; see the README).
 */
export const SIGNATURE_HEADER = 'Clipyard-Signature';

/** A new endpoint secret: `whsec_` + standard base64 of 32 random bytes, shown to its owner once. */
export const generateWebhookSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/**
 * The HMAC key of a secret: its base64 part decoded. (Secrets issued before Standard Webhooks were
 * base64url; Node decodes both alphabets, but a receiver's library needs a rotated, standard one.)
 */
export const secretKey = (secret: string) => Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');

export const standardSignature = (secret: string, id: string, timestamp: number, body: string) =>
  `v1,${createHmac('sha256', secretKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64')}`;

/** The three Standard Webhooks headers for one delivery attempt, signed with every live secret. */
export function standardHeaders(id: string, body: string, secrets: string[], timestamp: number): Record<string, string> {
  return {
    [STANDARD_HEADERS.id]: id,
    [STANDARD_HEADERS.timestamp]: String(timestamp),
    [STANDARD_HEADERS.signature]: secrets.map((s) => standardSignature(s, id, timestamp, body)).join(' '),
  };
}

export const hmacHex = (secret: string, timestamp: number, body: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/** The deprecated `Clipyard-Signature` value (one `v1=` per live secret). */
export function signatureHeader(body: string, secrets: string[], timestamp: number): string {
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${hmacHex(s, timestamp, body)}`)].join(',');
}

/** Receiver-side check of the deprecated header: one v1 matches and the timestamp is within tolerance. */
export function verifySignature(header: string, body: string, secret: string, toleranceSeconds = 300, now = Date.now()): boolean {
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(now / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, t, body), 'hex');
  return parts
    .filter(([k, v]) => k === 'v1' && /^[0-9a-f]{64}$/.test(v ?? ''))
    .some(([, v]) => timingSafeEqual(Buffer.from(v, 'hex'), expected));
}
