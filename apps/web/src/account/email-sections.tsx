import { useState, type FormEvent } from 'react';
import { api, publicApi } from '../api/client';
import { unwrap } from '../api/errors';
import { invalidate, useMutation } from '../api/hooks';
import { forget } from '../api/session';
import type { Me } from '../api/types';
import { navigate } from '../router';
import { Section } from '../ui/bits';
import { Field, FormError, Submit } from '../ui/form';

const onSubmit = (run: () => unknown) => (e: FormEvent) => {
  e.preventDefault();
  void run();
};

/** "Verify your email": the 6-digit code from the email, or the email sent again. */
export function VerifyEmailPrompt({ me }: { me: Me }) {
  const [code, setCode] = useState('');
  const verify = useMutation(() => unwrap(api.POST('/v1/auth/email/verify', { body: { code } })), () => invalidate('me'));
  const resend = useMutation(() => unwrap(publicApi.POST('/v1/auth/email/resend', { body: { email: me.email ?? '' } })));
  return (
    <section className="notice" aria-label="Verify your email">
      <p>
        Please verify <strong>{me.email}</strong>: open the link we emailed you, or type its code here.
      </p>
      <form className="row" onSubmit={onSubmit(verify.run)} noValidate>
        <Field
          label="Code from the email"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.target.value.trim())}
          error={verify.error}
        />
        <Submit pending={verify.pending} pendingText="Verifying…">
          Verify
        </Submit>
        <button type="button" onClick={() => void resend.run()} disabled={resend.pending || resend.data !== undefined}>
          {resend.data ? 'Email sent' : 'Send the email again'}
        </button>
      </form>
      <FormError error={verify.error ?? resend.error} fields={['code']} />
    </section>
  );
}

export function EmailChange({ me }: { me: Me }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const m = useMutation(() => unwrap(api.POST('/v1/auth/email/change', { body: { new_email: email, password } })), () => setPassword(''));
  return (
    <Section title="Email address">
      <p>
        Your account uses <strong>{me.email}</strong> {me.email_verified ? '(verified)' : '(not verified yet)'}.
      </p>
      {m.data ? (
        <p className="notice" role="status">
          We sent a confirmation link to {email}. Your address changes when you open it; {me.email} was told.
        </p>
      ) : (
        <form onSubmit={onSubmit(m.run)} noValidate>
          <Field label="New email" name="new_email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={m.error} />
          {me.has_password !== false && (
            <Field label="Your password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={m.error} />
          )}
          <FormError error={m.error} fields={['new_email', 'password']} />
          <Submit pending={m.pending} pendingText="Sending…">
            Change email
          </Submit>
        </form>
      )}
    </Section>
  );
}

export function DeleteAccount({ me }: { me: Me }) {
  const [password, setPassword] = useState('');
  const [sure, setSure] = useState(false);
  const m = useMutation(
    () => unwrap(api.DELETE('/v1/auth/me', { body: me.has_password === false ? {} : { password } })),
    () => {
      forget('Your account was deleted, with its jobs, files and keys.');
      navigate('/signin', { replace: true });
    },
  );
  return (
    <Section title="Delete account">
      <p>Deleting your account stops your API keys at once and deletes your jobs, uploads, outputs, webhooks and provider keys. It cannot be undone.</p>
      <form onSubmit={onSubmit(m.run)} noValidate>
        {me.has_password === false ? (
          <p className="muted">Your account has no password: sign in again by email link in the last 10 minutes, then delete.</p>
        ) : (
          <Field label="Password to confirm" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={m.error} />
        )}
        <label className="check">
          <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} /> I understand that this deletes everything
        </label>
        <FormError error={m.error} fields={['password']} />
        <button type="submit" className="danger" disabled={!sure || m.pending} aria-busy={m.pending || undefined}>
          {m.pending ? 'Deleting…' : 'Delete my account'}
        </button>
      </form>
    </Section>
  );
}
