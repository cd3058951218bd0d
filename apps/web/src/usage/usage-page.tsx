import { useState } from 'react';
import type { paths } from '@clipyard/client';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { useMutation, useQuery } from '../api/hooks';
import type { Page as ListPage, UsageEvent, UsageSummary } from '../api/types';
import { Empty, ErrorNote, fmtBytes, fmtDate, Loading, More, Page, Section, UsageBar } from '../ui/bits';
import { Select } from '../ui/form';

const ACTIONS: [string, string][] = [['', 'All'], ['trim', 'Trim'], ['overlay', 'Overlay'], ['transcribe', 'Transcribe'], ['requests', 'API requests']];

type EventsQuery = NonNullable<paths['/v1/usage/events']['get']['parameters']['query']>;

export function UsagePage() {
  const summary = useQuery<UsageSummary>('usage:summary', () => unwrap(api.GET('/v1/usage/summary', {})));
  const [action, setAction] = useState<NonNullable<EventsQuery['action']> | ''>('');
  const monthStart = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1)).toISOString();
  const query: EventsQuery = { limit: 100, from: monthStart, ...(action ? { action } : {}) };
  const events = useQuery<ListPage<UsageEvent>>(`usage:events:${action}`, () => unwrap(api.GET('/v1/usage/events', { params: { query } })));
  const [extra, setExtra] = useState<UsageEvent[]>([]);
  const [cursor, setCursor] = useState<string | null>();
  const more = useMutation(
    (c: string) => unwrap<ListPage<UsageEvent>>(api.GET('/v1/usage/events', { params: { query: { ...query, cursor: c } } })),
    (p) => {
      setExtra((x) => [...x, ...p.data]);
      setCursor(p.next_cursor ?? null);
    },
  );
  const all = [...(events.data?.data ?? []), ...extra];
  const u = summary.data;
  return (
    <Page title="Usage">
      <Section title={u ? `This month (${u.month})` : 'This month'}>
        <ErrorNote error={summary.error} />
        {!u && !summary.error && <Loading />}
        {u && (
          <>
            <UsageBar label="Trims" used={u.actions.trim.used} limit={u.actions.trim.limit} />
            <UsageBar label="Overlays" used={u.actions.overlay.used} limit={u.actions.overlay.limit} />
            <UsageBar label="Transcriptions" used={u.actions.transcribe.used} limit={u.actions.transcribe.limit} />
            {u.actions.hooks && <UsageBar label="Hooks" used={u.actions.hooks.used} limit={u.actions.hooks.limit} />}
            <UsageBar label="Transcription minutes" used={u.transcribe_minutes.used} limit={u.transcribe_minutes.limit} />
            <dl className="facts">
              <dt>Media processed</dt>
              <dd>{Math.round(u.media_seconds)} s</dd>
              <dt>Uploaded / produced</dt>
              <dd>
                {fmtBytes(u.input_bytes)} / {fmtBytes(u.output_bytes)}
              </dd>
              <dt>API requests</dt>
              <dd>{u.api_requests.toLocaleString('en')}</dd>
              <dt>Resets</dt>
              <dd>{fmtDate(u.resets_at)}</dd>
            </dl>
          </>
        )}
      </Section>
      <Section title="Daily activity">
        <DailyChart events={all} />
      </Section>
      <Section title="Ledger">
        <Select label="Action" name="action" value={action} onChange={(e) => (setAction(e.target.value as typeof action), setExtra([]), setCursor(undefined))} options={ACTIONS} />
        <ErrorNote error={events.error ?? more.error} />
        {events.data && all.length === 0 && <Empty>Nothing metered this month yet. Jobs you run appear here once they finish.</Empty>}
        {all.length > 0 && (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">What</th>
                  <th scope="col">Units</th>
                  <th scope="col">Media</th>
                </tr>
              </thead>
              <tbody>
                {all.map((e) => (
                  <tr key={e.event_id}>
                    <td>{fmtDate(e.occurred_at)}</td>
                    <td>{e.kind === 'requests' ? 'API requests' : (e.action ?? e.kind)}</td>
                    <td>{e.units}</td>
                    <td>{e.media_seconds ? `${e.media_seconds.toFixed(1)} s` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <More cursor={extra.length ? cursor : events.data?.next_cursor} onMore={(c) => void more.run(c)} pending={more.pending} />
      </Section>
    </Page>
  );
}

/** Jobs per day this month as bars (an accessible table underneath for screen readers). */
function DailyChart({ events }: { events: UsageEvent[] }) {
  const now = new Date();
  const days = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).getUTCDate();
  const counts = Array.from({ length: days }, () => 0);
  for (const e of events) if (e.kind === 'job') counts[new Date(e.occurred_at).getUTCDate() - 1] += 1;
  const max = Math.max(1, ...counts);
  return (
    <figure className="chart">
      <div className="bars" aria-hidden="true">
        {counts.map((c, i) => (
          <div key={i} className="bar-col" title={`Day ${i + 1}: ${c}`}>
            <meter min={0} max={max} value={c} className="vbar" />
          </div>
        ))}
      </div>
      <figcaption className="muted">Jobs metered per day (UTC), {counts.reduce((a, b) => a + b, 0)} this month.</figcaption>
    </figure>
  );
}
