import { Injectable } from '@nestjs/common';
import { Database } from '@clipyard/database';
import { MfaFactorsRepository } from './mfa-factors.repository';
import { Totp } from './totp';

/** Re-seals every TOTP secret under the newest ENCRYPTION_KEYS version, in small locked batches (safe online). */
@Injectable()
export class MfaSecretsRotation {
  constructor(
    private readonly db: Database,
    private readonly factors: MfaFactorsRepository,
    private readonly totp: Totp,
  ) {}

  async rotate(batch = 100): Promise<number> {
    let moved = 0;
    for (;;) {
      const n = await this.db.transaction(async (tx) => {
        const rows = await this.factors.lockStale(this.totp.ring.current, batch, tx);
        for (const r of rows) await this.factors.setSealed(r.userId, this.totp.seal(r.userId, this.totp.open(r.userId, r.secretSealed)), tx);
        return rows.length;
      });
      moved += n;
      if (n < batch) return moved;
    }
  }
}
