import { Injectable } from '@nestjs/common';
import { Database, execute, one, type Tx } from '@clipyard/database';

/** `stripe_events`: each Stripe event id is applied at most once, with what it did. Keyed by Stripe's event id, not by user. */
@Injectable()
export class StripeEventsRepository {
  constructor(private readonly db: Database) {}

  /** Claims the event id (outcome `processing`); false when it was seen before. */
  async claim(e: { id: string; type: string; created: number }, tx: Tx = this.db.tx): Promise<boolean> {
    const fresh = await one(
      tx,
      `INSERT INTO stripe_events (event_id, type, outcome, stripe_created_at) VALUES ($1, $2, 'processing', to_timestamp($3))
         ON CONFLICT (event_id) DO NOTHING RETURNING 1`,
      [e.id, e.type, e.created],
    );
    return fresh !== undefined;
  }

  async setOutcome(eventId: string, outcome: string, userId: string | null, tx: Tx = this.db.tx): Promise<void> {
    await execute(tx, 'UPDATE stripe_events SET outcome = $2, user_id = $3 WHERE event_id = $1', [eventId, outcome, userId]);
  }
}
