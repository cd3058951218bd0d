import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { one, sql } from '../common/sql';
import { PLAN_COLUMNS, type PlanRow } from './plan';

@Injectable()
export class PlansRepository {
  constructor(private readonly ds: DataSource) {}

  list(m: EntityManager = this.ds.manager): Promise<PlanRow[]> {
    return sql<PlanRow>(m, `SELECT ${PLAN_COLUMNS('p')} FROM plans p ORDER BY p.sort_order, p.code`);
  }

  byCode(code: string, m: EntityManager = this.ds.manager): Promise<PlanRow | undefined> {
    return one<PlanRow>(m, `SELECT ${PLAN_COLUMNS('p')} FROM plans p WHERE p.code = $1`, [code]);
  }
}
