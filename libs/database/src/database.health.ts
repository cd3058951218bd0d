import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** `/health/ready` check: one round trip to PostgreSQL. */
@Injectable()
export class DatabaseHealth {
  readonly name = 'database';
  constructor(private readonly ds: DataSource) {}
  async check(): Promise<void> {
    await this.ds.query('SELECT 1');
  }
}
