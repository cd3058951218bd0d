import { useState, type FormEvent } from 'react';
import { publicApi } from '../api/client';
import { unwrap } from '../api/errors';
import { useMutation } from '../api/hooks';
import { signIn } from '../api/session';
import { Link, navigate } from '../router';
import { Page } from '../ui/bits';
import { Field, FormError, Submit } from '../ui/form';
import { SocialButtons } from './social';
import { TryButton } from './trial';
import { TwoFactorStep } from './two-factor-step';

export function SignInPage({ reason }: { reason?: string }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [mfaToken, setMfaToken] = useState<string>();
  const m = useMutation(
    () => signIn(email, password),
    (r) => (r ? setMfaToken(r.mfaToken) : navigate('/', { replace: true })),
  );
  if (mfaToken) return <TwoFactorStep mfaToken={mfaToken} onBack={() => (setMfaToken(undefined), m.reset())} />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void m.run();
  };
  return (
    <div className="auth-box">
      <Page title="Sign in">
        {reason && <p className="notice" role="status">{reason}</p>}
        <form onSubmit={submit} noValidate>
          <Field label="Email or username" name="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} error={m.error} required />
          <Field label="Password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={m.error} required />
          <FormError error={m.error} fields={['email', 'password']} />
          <Submit pending={m.pending} pendingText="Signing in…">Sign in</Submit>
        </form>
        <SocialButtons />
        <p>
          <Link to="/signin/forgot-password">Forgot your password?</Link>
        </p>
        <p>
          <Link to="/signin/email">Sign in with an emailed link or code</Link>
        </p>
        <p>
          No account yet? <Link to="/signup">Create one</Link>
        </p>
        <TryButton />
      </Page>
    </div>
  );
}

export function SignUpPage() {
  const [form, setForm] = useState({ email: '', password: '', full_name: '' });
  const m = useMutation(
    async () => {
      await unwrap(
        publicApi.POST('/v1/auth/register', {
          body: { email: form.email, password: form.password, ...(form.full_name ? { full_name: form.full_name } : {}) },
        }),
      );
      await signIn(form.email, form.password);
    },
    () => navigate('/', { replace: true }),
  );
  const on = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  return (
    <div className="auth-box">
      <Page title="Create your account">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void m.run();
          }}
          noValidate
        >
          <Field label="Name (optional)" name="full_name" autoComplete="name" value={form.full_name} onChange={on('full_name')} error={m.error} />
          <Field label="Email" name="email" type="email" autoComplete="email" value={form.email} onChange={on('email')} error={m.error} required />
          <Field
            label="Password"
            name="password"
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={on('password')}
            error={m.error}
            hint="At least 8 characters; not your email."
            required
          />
          <FormError error={m.error} fields={['email', 'password', 'full_name']} />
          <Submit pending={m.pending} pendingText="Creating your account…">Create account</Submit>
        </form>
        <p>
          Already have an account? <Link to="/signin">Sign in</Link>
        </p>
      </Page>
    </div>
  );
}
