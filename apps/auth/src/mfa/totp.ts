import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { authenticator } from 'otplib';
import { KeyRing } from '@clipyard/security';
import { AUTH_CONFIG, type AuthConfig } from '../config';

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const aad = (userId: string) => `mfa-totp:${userId}`;
const STEP_S = 30;
/** RFC 6238 defaults (SHA-1, 6 digits, 30 s) and one step of clock drift either way. */
const otp = authenticator.clone({ window: 1, step: STEP_S, digits: 6 });

/**
 * TOTP (otplib's authenticator: RFC 6238, SHA-1, 6 digits, 30 s, one step of drift either way), the
 * secret's sealing with the master key ring, and recovery codes (10 × 50 bits, kept as HMACs).
 */
@Injectable()
export class Totp {
  readonly ring: KeyRing;

  constructor(@Inject(AUTH_CONFIG) private readonly config: AuthConfig) {
    this.ring = new KeyRing(config.ENCRYPTION_KEYS);
  }

  /** 160 random bits (RFC 4226's recommended length), base32. */
  newSecret(): string {
    return otp.generateSecret(20);
  }

  uri(secret: string, label: string): string {
    return otp.keyuri(label, this.config.PRODUCT_NAME, secret);
  }

  seal(userId: string, secret: string): string {
    return this.ring.seal(secret, aad(userId));
  }

  open(userId: string, sealed: string): string {
    return this.ring.open(sealed, aad(userId));
  }

  /** The time step `code` is valid for (newer than `afterTimeStep`), or null. */
  check(secret: string, code: string, afterTimeStep: number): number | null {
    const token = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(token)) return null;
    const now = Date.now();
    const delta = otp.clone({ epoch: now }).checkDelta(token, secret);
    if (delta === null) return null;
    const step = Math.floor(now / 1000 / STEP_S) + delta;
    return step > afterTimeStep ? step : null;
  }

  recoveryCodes(n = 10): string[] {
    return Array.from({ length: n }, () => {
      const bytes = randomBytes(10);
      const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
      return `${chars.slice(0, 5)}-${chars.slice(5)}`;
    });
  }

  /** HMAC of a recovery code as typed (case, spaces and dashes do not matter). */
  recoveryHash(code: string): string {
    const normal = code.toLowerCase().replace(/[\s-]+/g, '');
    return createHmac('sha256', this.config.API_KEY_PEPPER).update(`mfa-recovery:${normal}`).digest('hex');
  }
}
