import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MfaFactorsRepository } from './mfa-factors.repository';
import { Totp } from './totp';

/** Re-seals every TOTP secret under the newest ENCRYPTION_KEYS version, in small locked batches (safe online). */
@Injectable()
export class MfaSecretsRotation {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly factors: MfaFactorsRepository,
    private readonly totp: Totp,
  ) {}

  async rotate(batch = 100): Promise<number> {
    let moved = 0;
    for (;;) {
      const n = await this.ds.transaction(async (m) => {
        const rows = await this.factors.lockStale(m, this.totp.ring.current, batch);
        for (const r of rows) await this.factors.setSealed(m, r.userId, this.totp.seal(r.userId, this.totp.open(r.userId, r.secretSealed)));
        return rows.length;
      });
      moved += n;
      if (n < batch) return moved;
    }
  }
}
