import { Injectable } from '@nestjs/common';
import { Database, PlanEntity, one, query, type Row, type Tx } from '@clipyard/database';
import type { PlanRecord } from './plan';

/** The `plans` table (seeded by migrations, edited by admins): not tenant data. */
@Injectable()
export class PlansRepository {
  private readonly toPlan: (row: Row) => PlanRecord;

  constructor(private readonly db: Database) {
    this.toPlan = db.records(PlanEntity);
  }

  async list(tx: Tx = this.db.tx): Promise<PlanRecord[]> {
    return (await query(tx, 'SELECT * FROM plans ORDER BY sort_order, code')).map(this.toPlan);
  }

  async byCode(code: string, tx: Tx = this.db.tx): Promise<PlanRecord | undefined> {
    const row = await one(tx, 'SELECT * FROM plans WHERE code = $1', [code]);
    return row && this.toPlan(row);
  }
}
