import { Injectable } from '@nestjs/common';
import { Database, UsageEventEntity, UsageMonthlyEntity, query, type Row, type Tx } from '@clipyard/database';

/** The one way a row of usage_monthly grows (`u` is the table's alias): every counter adds up. */
const ADD_TO_MONTH = `ON CONFLICT (user_id, month, metric) DO UPDATE SET
         jobs_used = u.jobs_used + EXCLUDED.jobs_used,
         units_used = u.units_used + EXCLUDED.units_used,
         jobs_unreserved = u.jobs_unreserved + EXCLUDED.jobs_unreserved,
         units_unreserved = u.units_unreserved + EXCLUDED.units_unreserved,
         media_seconds = u.media_seconds + EXCLUDED.media_seconds,
         input_bytes = u.input_bytes + EXCLUDED.input_bytes,
         output_bytes = u.output_bytes + EXCLUDED.output_bytes,
         processing_ms = u.processing_ms + EXCLUDED.processing_ms,
         input_tokens = u.input_tokens + EXCLUDED.input_tokens,
         output_tokens = u.output_tokens + EXCLUDED.output_tokens,
         updated_at = now()`;


export interface LedgerInsert {
  eventId: string;
  userId: string;
  kind: 'job' | 'requests';
  jobId?: string;
  action?: string;
  units: number;
  mediaSeconds?: number;
  inputBytes?: number;
  outputBytes?: number;
  processingMs?: number;
  template?: string;
  customOverrides?: Record<string, unknown>;
  inputTokens?: number;
  outputTokens?: number;
  aiProvider?: string;
  aiModel?: string;
  month: string;
  occurredAt: string;
}

export interface MonthlyDelta {
  jobs: number;
  units: number;
  /** The part of `jobs`/`units` no reservation covered. */
  jobsUnreserved: number;
  unitsUnreserved: number;
  mediaSeconds: number;
  inputBytes: number;
  outputBytes: number;
  processingMs: number;
  inputTokens?: number;
  outputTokens?: number;
}

/** One (user, month, metric) row's change: used-side deltas plus what committed reservations give back. */
export interface MonthlyChange extends MonthlyDelta {
  userId: string;
  month: string;
  metric: string;
  /** Taken out of `jobs_reserved` / `units_reserved` (reservations committed in this batch). */
  jobsReservedFreed: number;
  unitsReservedFreed: number;
}

const LEDGER_COLUMNS = `event_id, user_id, kind, job_id, action, units, media_seconds, input_bytes,
  output_bytes, processing_ms, template, custom_overrides, month, occurred_at,
  input_tokens, output_tokens, ai_provider, ai_model`;

/** A `usage_events` row, a line of the ledger (the entity's shape; bigints are strings from SQL). */
export type LedgerRecord = UsageEventEntity;
/** A `usage_monthly` row (the entity's shape; its bigint counters are strings from SQL). */
export type MonthlyRecord = UsageMonthlyEntity;

/** A `usage_monthly` row's used counters, as a batch left them. */
export type MonthlyTotals = Pick<MonthlyRecord, 'userId' | 'month' | 'metric' | 'jobsUsed' | 'unitsUsed'>;
const TOTALS = 'u.user_id, u.month, u.metric, u.jobs_used, u.units_used';

/** The usage ledger (`usage_events`) and the used-side of `usage_monthly`. */
@Injectable()
export class UsageRepository {
  private readonly toLedger: (row: Row) => LedgerRecord;
  private readonly toMonthly: (row: Row) => MonthlyRecord;

  constructor(private readonly db: Database) {
    this.toLedger = db.records(UsageEventEntity);
    this.toMonthly = db.records(UsageMonthlyEntity);
  }

  /**
   * Inserts many ledger lines in one statement, skipping event ids seen before (in the table or
   * earlier in `rows`); returns the event ids this call inserted.
   */
  async insertEvents(rows: LedgerInsert[], tx: Tx = this.db.tx): Promise<Set<string>> {
    if (!rows.length) return new Set();
    // The lines travel as one JSON parameter (one JSON.stringify), not one array per column: pg's
    // array encoding escaped every element of every column, the largest client cost of a batch.
    // json_to_recordset maps the keys by name; a missing (undefined) field is NULL.
    const inserted = await query<{ event_id: string }>(
      tx,
      `INSERT INTO usage_events (${LEDGER_COLUMNS})
       SELECT x."eventId", x."userId", x.kind, x."jobId", x.action, x.units, COALESCE(x."mediaSeconds", 0),
         COALESCE(x."inputBytes", 0), COALESCE(x."outputBytes", 0), COALESCE(x."processingMs", 0), x.template,
         x."customOverrides", x.month, x."occurredAt", COALESCE(x."inputTokens", 0), COALESCE(x."outputTokens", 0),
         x."aiProvider", x."aiModel"
       FROM json_to_recordset($1::json) AS x("eventId" text, "userId" uuid, kind text, "jobId" uuid, action text, units bigint,
         "mediaSeconds" float8, "inputBytes" bigint, "outputBytes" bigint, "processingMs" bigint, template text,
         "customOverrides" jsonb, month text, "occurredAt" timestamptz, "inputTokens" bigint, "outputTokens" bigint,
         "aiProvider" text, "aiModel" text)
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [JSON.stringify(rows)],
    );
    return new Set(inserted.map((r) => r.event_id));
  }

  /**
   * Applies many (user, month, metric) changes in one statement: rows that exist are updated
   * (used-side added, freed reservations taken out of `reserved`), missing ones are inserted
   * (a reservation always created its row, so a missing row has nothing reserved to free).
   * One change per key: the caller merges them. Returns each row's used counters after the change
   * (what the usage-threshold check judges).
   */
  async applyMonthly(changes: MonthlyChange[], tx: Tx = this.db.tx): Promise<MonthlyTotals[]> {
    if (!changes.length) return [];
    // one JSON parameter (the changes as they are), not one escaped array per column
    const rows = await query(
      tx,
      `WITH d AS (
         SELECT x."userId" AS user_id, x.month, x.metric, x.jobs, x.units, x."jobsUnreserved" AS jobs_unres,
           x."unitsUnreserved" AS units_unres, x."mediaSeconds" AS media_seconds, x."inputBytes" AS input_bytes,
           x."outputBytes" AS output_bytes, x."processingMs" AS processing_ms, COALESCE(x."inputTokens", 0) AS input_tokens,
           COALESCE(x."outputTokens", 0) AS output_tokens, x."jobsReservedFreed" AS jobs_freed, x."unitsReservedFreed" AS units_freed
         FROM json_to_recordset($1::json) AS x("userId" uuid, month text, metric text, jobs int, units bigint, "jobsUnreserved" int,
           "unitsUnreserved" bigint, "mediaSeconds" float8, "inputBytes" bigint, "outputBytes" bigint, "processingMs" bigint,
           "inputTokens" bigint, "outputTokens" bigint, "jobsReservedFreed" int, "unitsReservedFreed" bigint)),
       upd AS (
         UPDATE usage_monthly u SET
           jobs_used = u.jobs_used + d.jobs,
           units_used = u.units_used + d.units,
           jobs_unreserved = u.jobs_unreserved + d.jobs_unres,
           units_unreserved = u.units_unreserved + d.units_unres,
           jobs_reserved = u.jobs_reserved - d.jobs_freed,
           units_reserved = u.units_reserved - d.units_freed,
           media_seconds = u.media_seconds + d.media_seconds,
           input_bytes = u.input_bytes + d.input_bytes,
           output_bytes = u.output_bytes + d.output_bytes,
           processing_ms = u.processing_ms + d.processing_ms,
           input_tokens = u.input_tokens + d.input_tokens,
           output_tokens = u.output_tokens + d.output_tokens,
           updated_at = now()
         FROM d WHERE u.user_id = d.user_id AND u.month = d.month AND u.metric = d.metric
         RETURNING ${TOTALS}),
       ins AS (
         INSERT INTO usage_monthly AS u (user_id, month, metric, jobs_used, units_used, jobs_unreserved, units_unreserved,
           media_seconds, input_bytes, output_bytes, processing_ms, input_tokens, output_tokens)
         SELECT d.user_id, d.month, d.metric, d.jobs, d.units, d.jobs_unres, d.units_unres, d.media_seconds, d.input_bytes,
           d.output_bytes, d.processing_ms, d.input_tokens, d.output_tokens
         FROM d WHERE NOT EXISTS (SELECT 1 FROM upd WHERE upd.user_id = d.user_id AND upd.month = d.month AND upd.metric = d.metric)
         ${ADD_TO_MONTH}
         RETURNING ${TOTALS})
       SELECT * FROM upd UNION ALL SELECT * FROM ins`,
      [JSON.stringify(changes)],
    );
    return rows.map(this.toMonthly);
  }

  /** The user's `usage_monthly` rows of one month (one per metric). */
  async monthRows(userId: string, month: string, tx: Tx = this.db.tx): Promise<MonthlyRecord[]> {
    return (await query(tx, 'SELECT * FROM usage_monthly WHERE user_id = $1 AND month = $2', [userId, month])).map(this.toMonthly);
  }

  /** The `usage_monthly` rows of many (user, month) pairs in one read (for the threshold check of a batch). */
  async monthRowsMany(keys: Array<{ userId: string; month: string }>, tx: Tx = this.db.tx): Promise<MonthlyRecord[]> {
    if (!keys.length) return [];
    const rows = await query(
      tx,
      `SELECT u.* FROM usage_monthly u
       WHERE u.user_id = ANY($1::uuid[]) AND (u.user_id, u.month) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))`,
      [keys.map((k) => k.userId), keys.map((k) => k.month)],
    );
    return rows.map(this.toMonthly);
  }

  /** One page of a user's ledger, newest first, after the keyset cursor. */
  async page(
    userId: string,
    q: { from?: string; to?: string; kind?: string; action?: string; after?: { at: string; id: string }; limit: number },
    tx: Tx = this.db.tx,
  ): Promise<LedgerRecord[]> {
    const rows = await query(
      tx,
      `SELECT * FROM usage_events
       WHERE user_id = $1
         AND ($2::timestamptz IS NULL OR occurred_at >= $2)
         AND ($3::timestamptz IS NULL OR occurred_at < $3)
         AND ($4::text IS NULL OR kind = $4)
         AND ($5::text IS NULL OR action = $5)
         AND ($6::timestamptz IS NULL OR (occurred_at, id) < ($6, $7::uuid))
       ORDER BY occurred_at DESC, id DESC
       LIMIT $8`,
      [userId, q.from ?? null, q.to ?? null, q.kind ?? null, q.action ?? null, q.after?.at ?? null, q.after?.id ?? null, q.limit],
    );
    return rows.map(this.toLedger);
  }

  /** The admin overview (across every user, by design): users per plan. */
  usersPerPlan(tx: Tx = this.db.tx) {
    return query<{ code: string; n: number }>(
      tx,
      'SELECT p.code, count(s.id)::int AS n FROM plans p LEFT JOIN subscriptions s ON s.plan_id = p.id GROUP BY p.code',
    );
  }

  /** The admin overview: the month's reservations by status and release reason. */
  jobsPerStatus(month: string, tx: Tx = this.db.tx) {
    return query<{ status: string; reason: string | null; n: number }>(
      tx,
      `SELECT status, release_reason AS reason, count(*)::int AS n FROM quota_reservations
       WHERE month = $1 GROUP BY status, release_reason`,
      [month],
    );
  }

  /** The admin overview: every user's jobs, media seconds and API requests per day. */
  daily(bounds: { start: Date; end: Date }, tx: Tx = this.db.tx) {
    return query<{ day: string; jobs: number; media_seconds: number; api_requests: number }>(
      tx,
      `SELECT to_char(date_trunc('day', occurred_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day,
         count(*) FILTER (WHERE kind = 'job')::int AS jobs,
         COALESCE(sum(media_seconds) FILTER (WHERE kind = 'job'), 0)::float8 AS media_seconds,
         COALESCE(sum(units) FILTER (WHERE kind = 'requests'), 0)::float8 AS api_requests
       FROM usage_events WHERE occurred_at >= $1 AND occurred_at < $2 GROUP BY 1 ORDER BY 1`,
      [bounds.start, bounds.end],
    );
  }
}
