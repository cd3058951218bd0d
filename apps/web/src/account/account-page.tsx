import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { invalidate, useMutation, useQuery } from '../api/hooks';
import { signOut } from '../api/session';
import type { AuditEvent, Me, Page as ListPage, SessionView } from '../api/types';
import { ErrorNote, fmtDate, Loading, More, Page, Section } from '../ui/bits';
import { Field, FormError, Submit } from '../ui/form';
import { DeleteAccount, EmailChange, VerifyEmailPrompt } from './email-sections';
import { UpgradeTrial } from '../auth/trial';
import { Identities } from './identities';
import { TwoFactor } from './two-factor';

export function AccountPage({ me }: { me?: Me }) {
  return (
    <Page title="Account">
      {me?.is_anonymous && <UpgradeTrial me={me} />}
      {me && !me.is_anonymous && me.email_verified === false && <VerifyEmailPrompt me={me} />}
      {me ? <Profile me={me} /> : <Loading />}
      {me && !me.is_anonymous && <EmailChange me={me} />}
      {me && !me.is_anonymous && me.has_password !== false && <PasswordForm />}
      {me && !me.is_anonymous && <Identities />}
      {me && !me.is_anonymous && <TwoFactor me={me} />}
      <Sessions />
      <Audit />
      {me && !me.is_anonymous && <DeleteAccount me={me} />}
    </Page>
  );
}

function Profile({ me }: { me: Me }) {
  const [fullName, setFullName] = useState(me.full_name ?? '');
  const [timezone, setTimezone] = useState(me.timezone ?? '');
  useEffect(() => setFullName(me.full_name ?? ''), [me.full_name]);
  const m = useMutation(
    () => unwrap(api.PATCH('/v1/auth/me', { body: { full_name: fullName || null, timezone: timezone || null } })),
    () => invalidate('me'),
  );
  return (
    <Section title="Profile">
      <p>
        Signed in as <strong>{me.email ?? 'a trial user (no account yet)'}</strong> · member since {fmtDate(me.created_at)}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void m.run();
        }}
        noValidate
      >
        <Field label="Name" name="full_name" value={fullName} onChange={(e) => setFullName(e.target.value)} error={m.error} />
        <Field label="Time zone" name="timezone" placeholder="Europe/Paris" value={timezone} onChange={(e) => setTimezone(e.target.value)} error={m.error} />
        <FormError error={m.error} fields={['full_name', 'timezone']} />
        {m.data !== undefined && !m.error && <p role="status">Saved.</p>}
        <Submit pending={m.pending}>Save profile</Submit>
      </form>
    </Section>
  );
}

function PasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const m = useMutation(
    () => unwrap<{ revoked_sessions: number }>(api.POST('/v1/auth/password', { body: { current_password: current, new_password: next } })),
    () => {
      setCurrent('');
      setNext('');
      invalidate('sessions');
    },
  );
  return (
    <Section title="Password">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void m.run();
        }}
        noValidate
      >
        <Field label="Current password" name="current_password" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} error={m.error} />
        <Field label="New password" name="new_password" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} error={m.error} />
        <FormError error={m.error} fields={['current_password', 'new_password']} />
        {m.data && <p role="status">Password changed; {m.data.revoked_sessions} other session(s) signed out.</p>}
        <Submit pending={m.pending}>Change password</Submit>
      </form>
    </Section>
  );
}

function Sessions() {
  const q = useQuery<ListPage<SessionView>>('sessions', () => unwrap(api.GET('/v1/auth/sessions', {})));
  const revoke = useMutation((id: string) => unwrap(api.DELETE('/v1/auth/sessions/{id}', { params: { path: { id } } })), () => invalidate('sessions'));
  const all = useMutation(() => signOut(() => unwrap(api.POST('/v1/auth/logout-all', {}))));
  return (
    <Section title="Sessions">
      <ErrorNote error={q.error ?? revoke.error ?? all.error} />
      {!q.data && !q.error && <Loading />}
      <ul className="list">
        {q.data?.data.map((s) => (
          <li key={s.id}>
            <div>
              <strong>{s.user_agent ? s.user_agent.slice(0, 60) : 'Unknown device'}</strong> {s.current && <span className="status status-active">this device</span>}
              <div className="muted">
                {s.ip ?? 'unknown IP'} · signed in {fmtDate(s.created_at)} · last active {fmtDate(s.last_used_at)}
              </div>
            </div>
            {!s.current && (
              <button type="button" className="danger" onClick={() => void revoke.run(s.id)} aria-label={`Revoke the session from ${fmtDate(s.created_at)}`}>
                Revoke
              </button>
            )}
          </li>
        ))}
      </ul>
      <button type="button" className="danger" onClick={() => void all.run()} disabled={all.pending}>
        Sign out everywhere
      </button>
    </Section>
  );
}

function Audit() {
  const [extra, setExtra] = useState<AuditEvent[]>([]);
  const [cursor, setCursor] = useState<string | null>();
  const q = useQuery<ListPage<AuditEvent>>('audit', () => unwrap(api.GET('/v1/audit-events', { params: { query: { limit: 20 } } })));
  const next = extra.length ? cursor : q.data?.next_cursor;
  const more = useMutation(
    (c: string) => unwrap<ListPage<AuditEvent>>(api.GET('/v1/audit-events', { params: { query: { limit: 20, before: c } } })),
    (p) => {
      setExtra((x) => [...x, ...p.data]);
      setCursor(p.next_cursor ?? null);
    },
  );
  return (
    <Section title="Audit trail">
      <ErrorNote error={q.error ?? more.error} />
      <ul className="list compact">
        {[...(q.data?.data ?? []), ...extra].map((a) => (
          <li key={a.id}>
            <span className="mono">{a.action}</span>
            <span className="muted">
              {fmtDate(a.created_at)} · {a.ip ?? ''}
            </span>
          </li>
        ))}
      </ul>
      <More cursor={next} onMore={(c) => void more.run(c)} pending={more.pending} />
    </Section>
  );
}
