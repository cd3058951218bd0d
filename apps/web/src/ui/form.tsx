import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import type { ApiError } from '../api/errors';

/** A labelled input that shows the API's message for its field (`name` = the API's field path). */
export function Field({
  label,
  error,
  hint,
  name,
  ...input
}: { label: string; name: string; error?: ApiError; hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const msg = error?.forField(name);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        aria-invalid={msg ? true : undefined}
        aria-describedby={msg ? `${id}-err` : hint ? `${id}-hint` : undefined}
        {...input}
      />
      {hint && !msg && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {msg && (
        <small id={`${id}-err`} className="field-error" role="alert">
          {msg}
        </small>
      )}
    </div>
  );
}

export function Select({
  label,
  name,
  error,
  options,
  ...rest
}: { label: string; name: string; error?: ApiError; options: [string, string][] } & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  const msg = error?.forField(name);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} aria-invalid={msg ? true : undefined} {...rest}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      {msg && (
        <small className="field-error" role="alert">
          {msg}
        </small>
      )}
    </div>
  );
}

export function Check({ label, ...rest }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="check">
      <input type="checkbox" {...rest} /> {label}
    </label>
  );
}

/** The API's message for the form as a whole, unless a field already shows it. */
export function FormError({ error, fields = [] }: { error?: ApiError; fields?: string[] }) {
  if (!error) return null;
  const onField = fields.some((f) => error.forField(f));
  if (onField) return null;
  return (
    <p className="form-error" role="alert">
      {error.message}
      {error.code && <span className="code"> ({error.code})</span>}
    </p>
  );
}

export function Submit({ pending, children, pendingText }: { pending?: boolean; children: ReactNode; pendingText?: string }) {
  return (
    <button type="submit" className="primary" disabled={pending} aria-busy={pending || undefined}>
      {pending ? (pendingText ?? 'Working…') : children}
    </button>
  );
}
