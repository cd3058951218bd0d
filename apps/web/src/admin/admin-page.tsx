import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { invalidate, useMutation, useQuery } from '../api/hooks';
import type { Me } from '../api/types';
import { Empty, ErrorNote, fmtDate, fmtNum, Loading, Page, Section, Status } from '../ui/bits';
import { Field, FormError, Select, Submit } from '../ui/form';

type AdminUser = Me & { is_active: boolean };
interface AdminSubscription {
  plan: string;
  status: string;
  current_period_end: string;
  limits: Record<string, number>;
  features: string[];
  overrides: Record<string, unknown>;
}
interface AdminUsage {
  month: string;
  users_per_plan: Record<string, number>;
  jobs_per_status: Record<string, number>;
  completion_rate: number | null;
  daily: { day: string; jobs: number; media_seconds: number; api_requests: number }[];
}

/** The limits an admin can override per user (the API's names; -1 = unlimited, empty = the plan's). */
const LIMITS: [string, string][] = [
  ['trims_per_month', 'Trims a month'],
  ['overlays_per_month', 'Overlays a month'],
  ['transcribes_per_month', 'Transcriptions a month'],
  ['transcribe_minutes_per_month', 'Transcription minutes a month'],
  ['hooks_per_month', 'Hooks a month'],
  ['max_file_bytes', 'Largest file (bytes)'],
  ['max_concurrent_jobs', 'Jobs at once'],
  ['retention_days', 'Keep outputs (days)'],
];

const limitValue = (v = ''): number | null | string => (v.trim() === '' ? null : /^-?\d+$/.test(v.trim()) ? Number(v) : v);

const onSubmit = (run: () => unknown) => (e: FormEvent) => {
  e.preventDefault();
  void run();
};

export function AdminPage() {
  const [selected, setSelected] = useState<string>();
  return (
    <Page title="Admin">
      <Users onPick={setSelected} />
      {selected && <UserPanel id={selected} />}
      <UsageOverview />
      <Section title="Queues">
        <p>
          <a href="/admin/queues">Open the queue dashboard</a> (Bull Board). Your browser asks for credentials: any user name, and an API key with the{' '}
          <span className="mono">admin</span> scope as the password.
        </p>
      </Section>
    </Page>
  );
}

function Users({ onPick }: { onPick: (id: string) => void }) {
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const users = useQuery<{ data: AdminUser[] }>(`admin:users:${query}`, () => unwrap(api.GET('/v1/admin/users', { params: { query: { q: query || undefined, limit: 20 } } })));
  return (
    <Section title="Users">
      <form className="row" role="search" onSubmit={onSubmit(() => (setQuery(q), users.reload()))}>
        <Field label="Find by email, username or id" name="q" type="search" value={q} onChange={(e) => setQ(e.target.value)} error={users.error} />
        <Submit pending={users.loading}>Find</Submit>
      </form>
      <ErrorNote error={users.error} />
      {!users.data && !users.error && <Loading />}
      {users.data && users.data.data.length === 0 && <Empty>No user matches “{query}”. Try part of the address.</Empty>}
      {users.data && users.data.data.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Joined</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.data.map((u) => (
                <tr key={u.id}>
                  <td>{u.email}</td>
                  <td>{u.role}</td>
                  <td>
                    <Status status={u.is_active ? 'active' : 'deactivated'} /> {u.email_verified ? '' : <span className="muted">unverified</span>}
                  </td>
                  <td>{fmtDate(u.created_at)}</td>
                  <td>
                    <button type="button" onClick={() => onPick(u.id)} aria-label={`Manage ${u.email}`}>
                      Manage
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

function UserPanel({ id }: { id: string }) {
  const q = useQuery<{ user: AdminUser; subscription: AdminSubscription }>(`admin:user:${id}`, () =>
    unwrap(api.GET('/v1/admin/users/{id}', { params: { path: { id } } })),
  );
  const plans = useQuery<{ data: { code: string; name: string }[] }>('plans', () => unwrap(api.GET('/v1/plans', {})));
  const [plan, setPlan] = useState('');
  const [limits, setLimits] = useState<Record<string, string>>({});
  const sub = q.data?.subscription;
  useEffect(() => {
    if (!sub) return;
    setPlan(sub.plan);
    setLimits(Object.fromEntries(LIMITS.map(([k]) => [k, typeof sub.overrides[k] === 'number' ? String(sub.overrides[k]) : ''])));
  }, [sub]);
  const after = () => {
    q.reload();
    invalidate('admin:users', 'admin:usage');
  };
  const savePlan = useMutation(() => unwrap(api.PUT('/v1/admin/users/{id}/plan', { params: { path: { id } }, body: { plan } })), after);
  const saveLimits = useMutation(
    () =>
      unwrap(
        api.PUT('/v1/admin/users/{id}/limits', {
          params: { path: { id } },
          // Not a number? Send it as typed: the API's message then names the field.
          body: Object.fromEntries(LIMITS.map(([k]) => [k, limitValue(limits[k])])) as Record<string, number | null>,
        }),
      ),
    after,
  );
  const active = useMutation((on: boolean) => unwrap(api.PUT('/v1/admin/users/{id}/active', { params: { path: { id } }, body: { active: on } })), after);
  if (!q.data) return <Section title="User">{q.error ? <ErrorNote error={q.error} /> : <Loading />}</Section>;
  const { user } = q.data;
  return (
    <Section title={`User ${user.email}`}>
      <dl className="facts">
        <dt>Id</dt>
        <dd className="mono">{user.id}</dd>
        <dt>Status</dt>
        <dd>
          <Status status={user.is_active ? 'active' : 'deactivated'} /> {user.role}
        </dd>
        <dt>Plan</dt>
        <dd>
          {sub!.plan} ({sub!.status}, renews {fmtDate(sub!.current_period_end)})
        </dd>
      </dl>
      <ErrorNote error={active.error} />
      <button type="button" className={user.is_active ? 'danger' : undefined} onClick={() => void active.run(!user.is_active)} disabled={active.pending}>
        {user.is_active ? 'Deactivate user' : 'Reactivate user'}
      </button>
      <form className="row" onSubmit={onSubmit(savePlan.run)}>
        <Select
          label="Plan"
          name="plan"
          value={plan}
          onChange={(e) => setPlan(e.target.value)}
          options={(plans.data?.data ?? [{ code: plan, name: plan }]).map((p): [string, string] => [p.code, p.name])}
          error={savePlan.error}
        />
        <Submit pending={savePlan.pending}>Save plan</Submit>
      </form>
      <FormError error={savePlan.error} fields={['plan']} />
      <form onSubmit={onSubmit(saveLimits.run)} noValidate>
        <fieldset>
          <legend>Limit overrides (empty = the plan's; -1 = unlimited)</legend>
          <div className="grid">
            {LIMITS.map(([k, label]) => (
              <Field
                key={k}
                label={label}
                name={k}
                inputMode="numeric"
                placeholder={sub!.limits[k] !== undefined ? `plan: ${fmtNum(sub!.limits[k])}` : ''}
                value={limits[k] ?? ''}
                onChange={(e) => setLimits({ ...limits, [k]: e.target.value })}
                error={saveLimits.error}
              />
            ))}
          </div>
        </fieldset>
        <FormError error={saveLimits.error} fields={LIMITS.map(([k]) => k)} />
        {saveLimits.data !== undefined && !saveLimits.error && <p role="status">Limits saved.</p>}
        <Submit pending={saveLimits.pending}>Save limits</Submit>
      </form>
    </Section>
  );
}

function UsageOverview() {
  const usage = useQuery<AdminUsage>('admin:usage', () => unwrap(api.GET('/v1/admin/usage', {})));
  const u = usage.data;
  return (
    <Section title="Usage overview">
      <ErrorNote error={usage.error} />
      {!u && !usage.error && <Loading />}
      {u && (
        <>
          <dl className="facts">
            <dt>Month</dt>
            <dd>{u.month}</dd>
            <dt>Users per plan</dt>
            <dd>{Object.entries(u.users_per_plan).map(([p, n]) => `${p}: ${n}`).join(' · ') || 'none'}</dd>
            <dt>Jobs per status</dt>
            <dd>{Object.entries(u.jobs_per_status).map(([s, n]) => `${s}: ${n}`).join(' · ') || 'none'}</dd>
            <dt>Completion rate</dt>
            <dd>{u.completion_rate === null ? '—' : `${Math.round(u.completion_rate * 100)}%`}</dd>
          </dl>
          {u.daily.length === 0 ? (
            <Empty>No activity this month yet.</Empty>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="sr-only">Daily activity</caption>
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col">Jobs</th>
                    <th scope="col">Media (s)</th>
                    <th scope="col">API requests</th>
                  </tr>
                </thead>
                <tbody>
                  {u.daily.map((d) => (
                    <tr key={d.day}>
                      <td>{d.day}</td>
                      <td>{fmtNum(d.jobs)}</td>
                      <td>{fmtNum(Math.round(d.media_seconds))}</td>
                      <td>{fmtNum(d.api_requests)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Section>
  );
}
