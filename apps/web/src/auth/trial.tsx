import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { invalidate, useMutation } from '../api/hooks';
import { refresh, startTrial } from '../api/session';
import type { Me } from '../api/types';
import { navigate } from '../router';
import { Field, FormError, Submit } from '../ui/form';

/** "Try without an account": an anonymous user on the trial plan, signed in at once (a cookie session). */
export function TryButton() {
  const m = useMutation(startTrial, () => navigate('/', { replace: true }));
  return (
    <div className="try">
      <button type="button" onClick={() => void m.run()} disabled={m.pending} aria-busy={m.pending || undefined}>
        {m.pending ? 'Starting your trial…' : 'Try without an account'}
      </button>
      <FormError error={m.error} />
    </div>
  );
}

/** An anonymous user keeps everything by giving an email and password: same id, jobs and uploads. */
export function UpgradeTrial({ me: _me }: { me: Me }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const m = useMutation(
    async () => {
      await unwrap(api.POST('/v1/auth/upgrade', { body: { email, password } }));
      await refresh(); // a token without is_anonymous
    },
    () => invalidate('me', 'subscription', 'usage'),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void m.run();
  };
  return (
    <section className="notice" aria-label="Keep your work">
      <p>
        You are trying Clipyard without an account, on the trial plan. Create an account to keep your jobs and uploads (an untouched trial is deleted after a while).
      </p>
      <form onSubmit={submit} noValidate>
        <div className="row">
          <Field label="Email" name="email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={m.error} />
          <Field
            label="Password"
            name="password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={m.error}
          />
        </div>
        <FormError error={m.error} fields={['email', 'password']} />
        <Submit pending={m.pending} pendingText="Creating your account…">
          Create my account
        </Submit>
      </form>
    </section>
  );
}
