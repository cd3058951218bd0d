import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Deletes what the gateway keeps for a user besides jobs (uploads, webhooks, idempotency keys) when the account is deleted. */
@Injectable()
export class AccountDataRepository {
  constructor(private readonly ds: DataSource) {}

  /** One transaction; returns the storage keys of the deleted uploads. */
  async deleteForUser(userId: string): Promise<{ uploadKeys: string[]; webhookEndpoints: number }> {
    return this.ds.transaction(async (m) => {
      const uploads: { storage_key: string }[] = await m.query('DELETE FROM uploads WHERE user_id = $1 RETURNING storage_key', [userId]);
      await m.query('DELETE FROM webhook_deliveries WHERE user_id = $1', [userId]);
      const endpoints: unknown[] = await m.query('DELETE FROM webhook_endpoints WHERE user_id = $1 RETURNING id', [userId]);
      await m.query('DELETE FROM idempotency_keys WHERE user_id = $1', [userId]);
      return { uploadKeys: uploads.map((u) => u.storage_key), webhookEndpoints: endpoints.length };
    });
  }
}
