/** Where a request came from (recorded on audit events and sessions). */
export interface RequestCtx {
  ip?: string;
  userAgent?: string;
}

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Postgres unique violation, with the constraint that fired. */
export function uniqueViolation(err: unknown): string | null {
  const e = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return code === '23505' ? (e.driverError?.constraint ?? e.constraint ?? '') : null;
}
