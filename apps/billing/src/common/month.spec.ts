import { monthBounds, monthOf, monthOfIso, resetsAt } from './month';

describe('billing months', () => {
  it('keys a date by its UTC calendar month, whatever the local offset', () => {
    expect(monthOf(new Date('2026-01-31T23:59:59.999Z'))).toBe('2026-01');
    expect(monthOf(new Date('2026-02-01T00:30:00+01:00'))).toBe('2026-01');
  });
  it('keys an ISO timestamp the same way, with or without an offset', () => {
    expect(monthOfIso('2026-01-31T23:59:59.999Z')).toBe('2026-01');
    expect(monthOfIso('2026-02-01T00:30:00+01:00')).toBe('2026-01');
    expect(monthOfIso('2026-01-31T23:30:00-01:00')).toBe('2026-02');
    expect(monthOfIso('2026-12-31T23:59Z')).toBe('2026-12');
  });
  it('resets at the first instant of the next month, across a year end', () => {
    expect(resetsAt('2026-12')).toBe('2027-01-01T00:00:00.000Z');
    expect(monthBounds('2026-02')).toEqual({ start: new Date('2026-02-01T00:00:00Z'), end: new Date('2026-03-01T00:00:00Z') });
  });
});
