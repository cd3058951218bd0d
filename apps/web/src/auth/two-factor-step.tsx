import { useState } from 'react';
import { useMutation } from '../api/hooks';
import { finishTwoFactor } from '../api/session';
import { navigate } from '../router';
import { Page } from '../ui/bits';
import { Field, FormError, Submit } from '../ui/form';

/** Two-factor challenge: the second step of any sign-in (password, emailed link or code, provider); 5 minutes, as the API's mfa_token. */
export function TwoFactorStep({ mfaToken, onBack }: { mfaToken: string; onBack: () => void }) {
  const [code, setCode] = useState('');
  const m = useMutation(() => finishTwoFactor(mfaToken, code.trim()), () => navigate('/', { replace: true }));
  return (
    <div className="auth-box">
      <Page title="Two-factor sign-in">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void m.run();
          }}
          noValidate
        >
          <Field
            label="Code from your authenticator app, or a recovery code"
            name="code"
            autoComplete="one-time-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={m.error}
            required
          />
          <FormError error={m.error} fields={['code', 'recovery_code']} />
          <Submit pending={m.pending} pendingText="Checking…">
            Verify and sign in
          </Submit>
        </form>
        <button type="button" onClick={onBack}>
          Start again
        </button>
      </Page>
    </div>
  );
}
