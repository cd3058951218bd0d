import { Injectable } from '@nestjs/common';
import { Database, execute, query } from '@clipyard/database';

/** Deletes what the gateway keeps for a user besides jobs (uploads, webhooks, idempotency keys) when the account is deleted. */
@Injectable()
export class AccountDataRepository {
  constructor(private readonly db: Database) {}

  /** One transaction; returns the storage keys of the deleted uploads. */
  async deleteForUser(userId: string): Promise<{ uploadKeys: string[]; webhookEndpoints: number }> {
    return this.db.transaction(async (tx) => {
      const uploads = await query<{ storage_key: string }>(tx, 'DELETE FROM uploads WHERE user_id = $1 RETURNING storage_key', [userId]);
      await execute(tx, 'DELETE FROM webhook_deliveries WHERE user_id = $1', [userId]);
      const endpoints = await query(tx, 'DELETE FROM webhook_endpoints WHERE user_id = $1 RETURNING id', [userId]);
      await execute(tx, 'DELETE FROM idempotency_keys WHERE user_id = $1', [userId]);
      return { uploadKeys: uploads.map((u) => u.storage_key), webhookEndpoints: endpoints.length };
    });
  }
}
