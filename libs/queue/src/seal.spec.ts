import { Sealer } from './seal';

describe('Sealer', () => {
  it('round-trips values and hides them', () => {
    const s = new Sealer('a-secret-of-some-length-0123456789');
    const sealed = s.seal({ password: 'hunter2-plain' });
    expect(sealed).not.toContain('hunter2');
    expect(Buffer.from(sealed, 'base64').toString('latin1')).not.toContain('hunter2');
    expect(s.open(sealed)).toEqual({ password: 'hunter2-plain' });
  });

  it('refuses a message sealed with another secret or tampered with', () => {
    const a = new Sealer('secret-a-0123456789-0123456789-01');
    const b = new Sealer('secret-b-0123456789-0123456789-01');
    const sealed = a.seal({ x: 1 });
    expect(() => b.open(sealed)).toThrow();
    const raw = Buffer.from(sealed, 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => a.open(raw.toString('base64'))).toThrow();
  });
});
