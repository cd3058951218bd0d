import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { invalidate, useMutation, useQuery } from '../api/hooks';
import type { Me } from '../api/types';
import { CopyButton, ErrorNote, fmtDate, Loading, Section } from '../ui/bits';
import { Field, FormError, Submit } from '../ui/form';

interface MfaStatus {
  totp: { enabled: boolean; enabled_at: string | null; recovery_codes_remaining: number };
}

/** Two-factor sign-in with an authenticator app: set up (secret → first code → recovery codes, shown once) and turn off. */
export function TwoFactor({ me }: { me: Me }) {
  const q = useQuery<MfaStatus>('mfa', () => unwrap(api.GET('/v1/auth/mfa', {})));
  const [codes, setCodes] = useState<string[]>();
  return (
    <Section title="Two-factor sign-in">
      <ErrorNote error={q.error} />
      {!q.data && !q.error && <Loading />}
      {codes ? (
        <RecoveryCodes codes={codes} onDone={() => (setCodes(undefined), invalidate('mfa', 'audit'))} />
      ) : q.data?.totp.enabled ? (
        <TurnOff status={q.data} hasPassword={me.has_password !== false} />
      ) : (
        q.data && <SetUp onEnabled={setCodes} />
      )}
    </Section>
  );
}

function SetUp({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const [code, setCode] = useState('');
  const start = useMutation(() => unwrap(api.POST('/v1/auth/mfa/totp', {})));
  const verify = useMutation(
    () => unwrap(api.POST('/v1/auth/mfa/totp/verify', { body: { code: code.trim() } })),
    (r) => onEnabled(r.recovery_codes),
  );
  if (!start.data) {
    return (
      <>
        <p>Off. With it on, signing in also asks for a 6-digit code from an authenticator app on your phone.</p>
        <ErrorNote error={start.error} />
        <button type="button" className="primary" onClick={() => void start.run()} disabled={start.pending} aria-busy={start.pending || undefined}>
          {start.pending ? 'Preparing…' : 'Set up two-factor sign-in'}
        </button>
      </>
    );
  }
  const { secret, otpauth_uri } = start.data;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void verify.run();
      }}
      noValidate
    >
      <p>1. Scan this code with your authenticator app, or enter the setup key by hand.</p>
      <QrCode text={otpauth_uri} />
      <p className="row">
        <span>Setup key:</span>
        <code className="mono" aria-label="Setup key">
          {secret}
        </code>
        <CopyButton text={secret} label="Copy setup key" />
      </p>
      <details>
        <summary>Setup link (otpauth://)</summary>
        <code className="mono break">{otpauth_uri}</code>
      </details>
      <p>2. Type the 6-digit code the app shows.</p>
      <Field
        label="6-digit code from the app"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={8}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={verify.error}
        required
      />
      <FormError error={verify.error} fields={['code']} />
      <Submit pending={verify.pending} pendingText="Checking…">
        Turn on two-factor sign-in
      </Submit>
    </form>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div className="secret" role="status">
      <p>
        <strong>Two-factor sign-in is on.</strong> Save these recovery codes now — they are shown only once. Each signs you in once if you lose your phone.
      </p>
      <ul className="codes mono" aria-label="Recovery codes">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <p className="row">
        <CopyButton text={codes.join('\n')} label="Copy recovery codes" />
        <button type="button" onClick={onDone}>
          I have saved them
        </button>
      </p>
    </div>
  );
}

function TurnOff({ status, hasPassword }: { status: MfaStatus; hasPassword: boolean }) {
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const off = useMutation(
    () => unwrap(api.DELETE('/v1/auth/mfa/totp', { body: code.trim() ? { code: code.trim() } : { password } })),
    () => invalidate('mfa', 'audit'),
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void off.run();
      }}
      noValidate
    >
      <p>
        On since {fmtDate(status.totp.enabled_at)} · {status.totp.recovery_codes_remaining} recovery code(s) left.
      </p>
      <p>To turn it off, prove it is you with a current code{hasPassword ? ' or your password' : ''}.</p>
      <div className="row">
        <Field
          label="Code from your authenticator app"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={off.error}
        />
        {hasPassword && (
          <Field label="Or your password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={off.error} />
        )}
      </div>
      <FormError error={off.error} fields={['code', 'password']} />
      <Submit pending={off.pending} pendingText="Turning off…">
        Turn off two-factor sign-in
      </Submit>
    </form>
  );
}

/** The otpauth:// URI as a QR code, drawn as SVG squares (uqr, loaded only on this step). */
function QrCode({ text }: { text: string }) {
  const [matrix, setMatrix] = useState<boolean[][]>();
  useEffect(() => {
    let live = true;
    void import('uqr').then(({ encode }) => live && setMatrix(encode(text, { ecc: 'M', border: 2 }).data));
    return () => {
      live = false;
    };
  }, [text]);
  if (!matrix) return null;
  const n = matrix.length;
  let d = '';
  matrix.forEach((row, y) => row.forEach((on, x) => on && (d += `M${x} ${y}h1v1h-1z`)));
  return (
    <svg className="qr" viewBox={`0 0 ${n} ${n}`} width={Math.min(n * 5, 220)} height={Math.min(n * 5, 220)} role="img" aria-label="QR code of the setup link" shapeRendering="crispEdges">
      <rect width={n} height={n} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
