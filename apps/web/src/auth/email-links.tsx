import { useState, useSyncExternalStore, type FormEvent, type ReactNode } from 'react';
import { publicApi } from '../api/client';
import { unwrap } from '../api/errors';
import { useMutation } from '../api/hooks';
import { forget, session, signInByEmail } from '../api/session';
import { Link, navigate, useLocation } from '../router';
import { ErrorNote, Page } from '../ui/bits';
import { Field, FormError, Submit } from '../ui/form';
import { TwoFactorStep } from './two-factor-step';

/**
 * The pages emailed links open (paths in ACCOUNT_LINK_PATHS, token in `?token=`). Opening one
 * spends nothing: a mail scanner's GET only loads this page; the person's click POSTs the token.
 */
function LinkPage({ title, children }: { title: string; children: ReactNode }) {
  const { query } = useLocation();
  return (
    <div className="auth-box">
      <Page title={title}>
        {query.get('token') ? (
          children
        ) : (
          <p className="form-error" role="alert">
            This link is incomplete: open the whole link from the email, or ask for a new one.
          </p>
        )}
        <BackLinks />
      </Page>
    </div>
  );
}

function BackLinks() {
  const s = useSyncExternalStore(session.subscribe, session.get);
  return <p>{s.status === 'signed-in' ? <Link to="/">Go to the dashboard</Link> : <Link to="/signin">Back to sign in</Link>}</p>;
}

const useToken = () => useLocation().query.get('token') ?? '';
const onSubmit = (run: () => unknown) => (e: FormEvent) => {
  e.preventDefault();
  void run();
};

export function VerifyEmailPage() {
  const token = useToken();
  const m = useMutation(() => unwrap(publicApi.POST('/v1/auth/email/verify', { body: { token } })));
  return (
    <LinkPage title="Verify your email">
      {m.data ? (
        <p className="notice" role="status">
          Your email address is verified. Thank you!
        </p>
      ) : (
        <form onSubmit={onSubmit(m.run)}>
          <p>Confirm that this address is yours.</p>
          <ErrorNote error={m.error} />
          <Submit pending={m.pending} pendingText="Verifying…">
            Verify my email
          </Submit>
        </form>
      )}
    </LinkPage>
  );
}

export function ConfirmEmailPage() {
  const token = useToken();
  const m = useMutation(() => unwrap(publicApi.POST('/v1/auth/email/change/confirm', { body: { token } })));
  return (
    <LinkPage title="Confirm your new email">
      {m.data ? (
        <p className="notice" role="status">
          Your email address is now <strong>{m.data.email}</strong>. Sign in with it from now on.
        </p>
      ) : (
        <form onSubmit={onSubmit(m.run)}>
          <p>Make this address the one your account uses.</p>
          <ErrorNote error={m.error} />
          <Submit pending={m.pending} pendingText="Confirming…">
            Confirm new email
          </Submit>
        </form>
      )}
    </LinkPage>
  );
}

export function ResetPasswordPage() {
  const token = useToken();
  const [password, setPassword] = useState('');
  const m = useMutation(
    () => unwrap(publicApi.POST('/v1/auth/password/reset', { body: { token, new_password: password } })),
    // every session ended with the reset, this one included
    () => forget(),
  );
  return (
    <LinkPage title="Choose a new password">
      {m.data ? (
        <p className="notice" role="status">
          Your password is changed and every session was signed out. <Link to="/signin">Sign in with your new password</Link>
        </p>
      ) : (
        <form onSubmit={onSubmit(m.run)} noValidate>
          <Field
            label="New password"
            name="new_password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={m.error}
            hint="At least 8 characters; not your email."
            required
          />
          <FormError error={m.error} fields={['new_password']} />
          <Submit pending={m.pending} pendingText="Saving…">
            Set new password
          </Submit>
        </form>
      )}
    </LinkPage>
  );
}

/** Signed in, or (two-factor on) the token for the second step. */
const afterEmailSignIn = (setMfa: (t: string) => void) => (r: Awaited<ReturnType<typeof signInByEmail>>) => (r ? setMfa(r.mfaToken) : navigate('/', { replace: true }));

export function MagicLinkPage() {
  const token = useToken();
  const [mfaToken, setMfaToken] = useState<string>();
  const m = useMutation(() => signInByEmail({ token }), afterEmailSignIn(setMfaToken));
  if (mfaToken) return <TwoFactorStep mfaToken={mfaToken} onBack={() => navigate('/signin', { replace: true })} />;
  return (
    <LinkPage title="Sign in to Clipyard">
      <form onSubmit={onSubmit(m.run)}>
        <p>Finish signing in with the link from your email.</p>
        <ErrorNote error={m.error} />
        <Submit pending={m.pending} pendingText="Signing in…">
          Sign in
        </Submit>
      </form>
    </LinkPage>
  );
}

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const m = useMutation(() => unwrap(publicApi.POST('/v1/auth/password/forgot', { body: { email } })));
  return (
    <div className="auth-box">
      <Page title="Reset your password">
        {m.data ? (
          <p className="notice" role="status">
            If an account uses {email}, a reset link is on its way. It works for 30 minutes.
          </p>
        ) : (
          <form onSubmit={onSubmit(m.run)} noValidate>
            <Field label="Email" name="email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={m.error} required />
            <FormError error={m.error} fields={['email']} />
            <Submit pending={m.pending} pendingText="Sending…">
              Email me a reset link
            </Submit>
          </form>
        )}
        <p>
          <Link to="/signin">Back to sign in</Link>
        </p>
      </Page>
    </div>
  );
}

/** Passwordless sign-in: mail a link and a code; the code can be typed here instead of opening the link. */
export function MagicLinkRequestPage() {
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const ask = useMutation(() => unwrap(publicApi.POST('/v1/auth/magic-link', { body: { email } })));
  const [mfaToken, setMfaToken] = useState<string>();
  const verify = useMutation(() => signInByEmail({ email, code }), afterEmailSignIn(setMfaToken));
  if (mfaToken) return <TwoFactorStep mfaToken={mfaToken} onBack={() => (setMfaToken(undefined), ask.reset(), verify.reset(), setCode(''))} />;
  return (
    <div className="auth-box">
      <Page title="Sign in by email">
        {!ask.data ? (
          <form onSubmit={onSubmit(ask.run)} noValidate>
            <Field label="Email" name="email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={ask.error} required />
            <FormError error={ask.error} fields={['email']} />
            <Submit pending={ask.pending} pendingText="Sending…">
              Email me a sign-in link
            </Submit>
          </form>
        ) : (
          <>
            <p className="notice" role="status">
              We sent a sign-in link and a 6-digit code to {email} (if it may sign in). Both work for 15 minutes.
            </p>
            <form onSubmit={onSubmit(verify.run)} noValidate>
              <Field
                label="6-digit code"
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={code}
                onChange={(e) => setCode(e.target.value.trim())}
                error={verify.error}
                required
              />
              <FormError error={verify.error} fields={['code']} />
              <Submit pending={verify.pending} pendingText="Signing in…">
                Sign in with the code
              </Submit>
            </form>
            <button type="button" onClick={() => (ask.reset(), verify.reset(), setCode(''))}>
              Use another address
            </button>
          </>
        )}
        <p>
          <Link to="/signin">Sign in with a password</Link>
        </p>
      </Page>
    </div>
  );
}
