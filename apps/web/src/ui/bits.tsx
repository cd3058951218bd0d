import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ApiError } from '../api/errors';

/** A page: its heading takes focus on arrival so screen readers announce the new page. */
export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const h = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Clipyard`;
    h.current?.focus();
  }, [title]);
  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1} ref={h}>
          {title}
        </h1>
        {actions}
      </div>
      {children}
    </>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p className="muted" role="status">
      {what}…
    </p>
  );
}

export function ErrorNote({ error }: { error?: ApiError }) {
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {error.message} <span className="code">({error.code})</span>
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

/** A labelled bar for "used of limit" (a <meter> is announced with its value). */
export function UsageBar({ label, used, limit, unit = '' }: { label: string; used: number; limit: number | null; unit?: string }) {
  const text = limit === null ? `${fmtNum(used)}${unit} used (unlimited)` : `${fmtNum(used)}${unit} of ${fmtNum(limit)}${unit}`;
  return (
    <div className="usage">
      <div className="usage-label">
        <span>{label}</span>
        <span className="muted">{text}</span>
      </div>
      <meter min={0} max={limit ?? Math.max(used, 1)} value={used} low={(limit ?? 1) * 0.7} high={(limit ?? 1) * 0.9} aria-label={`${label}: ${text}`} />
    </div>
  );
}

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setDone(true);
          setTimeout(() => setDone(false), 2000);
        } catch {
          setDone(false);
        }
      }}
    >
      {done ? 'Copied' : label}
    </button>
  );
}

/** "Load more" for the API's cursor pagination. */
export function More({ cursor, onMore, pending }: { cursor?: string | null; onMore: (c: string) => void; pending?: boolean }) {
  if (!cursor) return null;
  return (
    <button type="button" className="more" onClick={() => onMore(cursor)} disabled={pending}>
      {pending ? 'Loading…' : 'Load more'}
    </button>
  );
}

export function Status({ status }: { status: string }) {
  return <span className={`status status-${status}`}>{status}</span>;
}

export const fmtNum = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en') : n.toLocaleString('en', { maximumFractionDigits: 2 }));

export function fmtBytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return 'unlimited';
  const u = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < u.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toLocaleString('en', { maximumFractionDigits: 1 })} ${u[i]}`;
}

export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return d.toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
}

export function fmtSeconds(s: number): string {
  const m = Math.floor(s / 60);
  const r = s - m * 60;
  return `${String(m).padStart(2, '0')}:${r.toFixed(1).padStart(4, '0')}`;
}
