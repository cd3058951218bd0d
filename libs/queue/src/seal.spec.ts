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

  it('gives every message its own IV, drawn from the CSPRNG 256 at a time', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const draws = jest.spyOn(require('node:crypto') as typeof import('node:crypto'), 'randomFillSync');
    try {
      const s = new Sealer('a-secret-of-some-length-0123456789');
      const ivs = new Set<string>();
      for (let i = 0; i < 600; i++) {
        const sealed = s.seal({ n: 1 });
        ivs.add(Buffer.from(sealed, 'base64').subarray(0, 12).toString('hex'));
        expect(s.open(sealed)).toEqual({ n: 1 });
      }
      expect(ivs.size).toBe(600);
      expect(draws).toHaveBeenCalledTimes(3);
    } finally {
      draws.mockRestore();
    }
  });
});
