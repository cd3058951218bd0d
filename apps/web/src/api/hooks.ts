import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, toApiError } from './errors';

/**
 * A tiny query/mutation layer over the typed client: no cache beyond the component, but every
 * query registers under a key so a mutation can reload what it changed (`invalidate('keys')`).
 */
const registry = new Map<string, Set<() => void>>();

export function invalidate(...prefixes: string[]): void {
  for (const [key, fns] of registry) if (prefixes.some((p) => key === p || key.startsWith(`${p}:`))) fns.forEach((f) => f());
}

export interface Query<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

const asApiError = (e: unknown) => (e instanceof ApiError ? e : toApiError(0, undefined));

export function useQuery<T>(key: string, fn: () => Promise<T>, opts: { pollMs?: number | false; enabled?: boolean } = {}): Query<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const seq = useRef(0);
  const enabled = opts.enabled ?? true;

  const run = useCallback(() => {
    const mine = ++seq.current;
    setLoading(true);
    fnRef
      .current()
      .then((d) => {
        if (mine !== seq.current) return;
        setData(d);
        setError(undefined);
      })
      .catch((e) => mine === seq.current && setError(asApiError(e)))
      .finally(() => mine === seq.current && setLoading(false));
  }, []);

  useEffect(() => {
    if (!enabled) return;
    run();
    const fns = registry.get(key) ?? new Set();
    fns.add(run);
    registry.set(key, fns);
    return () => {
      fns.delete(run);
      seq.current++;
    };
  }, [key, run, enabled]);

  useEffect(() => {
    if (!opts.pollMs || !enabled) return;
    const t = setInterval(run, opts.pollMs);
    return () => clearInterval(t);
  }, [opts.pollMs, run, enabled]);

  return { data, error, loading, reload: run };
}

export interface Mutation<A extends unknown[], T> {
  run: (...args: A) => Promise<T | undefined>;
  pending: boolean;
  error: ApiError | undefined;
  data: T | undefined;
  reset: () => void;
}

export function useMutation<A extends unknown[], T>(fn: (...args: A) => Promise<T>, after?: (data: T) => void): Mutation<A, T> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [data, setData] = useState<T>();
  const run = async (...args: A) => {
    setPending(true);
    setError(undefined);
    try {
      const d = await fn(...args);
      setData(d);
      after?.(d);
      return d;
    } catch (e) {
      setError(asApiError(e));
      return undefined;
    } finally {
      setPending(false);
    }
  };
  return { run, pending, error, data, reset: () => (setError(undefined), setData(undefined)) };
}

/** Calls `fn` every `ms` while `enabled` (live progress). */
export function useInterval(fn: () => void, ms: number, enabled: boolean): void {
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    if (!enabled) return;
    const t = setInterval(() => ref.current(), ms);
    return () => clearInterval(t);
  }, [ms, enabled]);
}
