/** Billing months are calendar months in UTC, keyed `yyyy-mm`: a new month is just a new key. */
export const monthOf = (d: Date): string => d.toISOString().slice(0, 7);

/** monthOf of an ISO 8601 timestamp (a usage event's `occurredAt`): a UTC one (`…Z`) is read without a Date. */
export const monthOfIso = (iso: string): string =>
  iso.endsWith('Z') && /^\d{4}-\d{2}-/.test(iso) ? iso.slice(0, 7) : monthOf(new Date(iso));

export function monthBounds(month: string): { start: Date; end: Date } {
  const [y, m] = month.split('-').map(Number);
  return { start: new Date(Date.UTC(y, m - 1, 1)), end: new Date(Date.UTC(y, m, 1)) };
}

/** When the quotas of `month` reset: the first instant of the next month (UTC). */
export const resetsAt = (month: string): string => monthBounds(month).end.toISOString();
