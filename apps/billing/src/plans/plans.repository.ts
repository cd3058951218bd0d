import { Injectable } from '@nestjs/common';
import { Database, one, query, type Tx } from '@clipyard/database';
import { PLAN_COLUMNS, type PlanRow } from './plan';

@Injectable()
export class PlansRepository {
  constructor(private readonly db: Database) {}

  list(m: Tx = this.db.tx): Promise<PlanRow[]> {
    return query<PlanRow>(m, `SELECT ${PLAN_COLUMNS('p')} FROM plans p ORDER BY p.sort_order, p.code`);
  }

  byCode(code: string, m: Tx = this.db.tx): Promise<PlanRow | undefined> {
    return one<PlanRow>(m, `SELECT ${PLAN_COLUMNS('p')} FROM plans p WHERE p.code = $1`, [code]);
  }
}
