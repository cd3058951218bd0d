import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** OWASP argon2id parameters: 19 MiB, t=2, p=1. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

/** argon2id hashing; runs only in the auth app. */
@Injectable()
export class PasswordHasher {
  /** Verified against when the account does not exist, so unknown accounts take as long to reject. */
  private dummy?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    this.dummy ??= this.hash('clipyard-dummy-password-1');
    const target = hash ?? (await this.dummy);
    let ok = false;
    try {
      ok = await argon2.verify(target, password);
    } catch {
      ok = false;
    }
    return ok && hash !== null;
  }
}
