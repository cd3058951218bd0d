import { generateApiKey, hashApiKey, isWellFormedApiKey } from './api-key';
import { KeyRing, providerKeyAad } from './envelope';
import { passwordProblem } from './password-policy';

describe('API key format', () => {
  it('has the prefix, 256 bits of randomness and a checksum that catches typos', () => {
    const key = generateApiKey();
    expect(key).toMatch(/^cy_live_[0-9A-Za-z]{49}$/);
    expect(isWellFormedApiKey(key)).toBe(true);
    const i = 20;
    const typo = key.slice(0, i) + (key[i] === 'a' ? 'b' : 'a') + key.slice(i + 1);
    expect(isWellFormedApiKey(typo)).toBe(false);
    expect(generateApiKey()).not.toBe(key);
  });

  it('hashes with the pepper', () => {
    const key = generateApiKey();
    expect(hashApiKey(key, 'p'.repeat(32))).not.toBe(hashApiKey(key, 'q'.repeat(32)));
    expect(hashApiKey(key, 'p'.repeat(32))).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('envelope encryption', () => {
  const k1 = `1:${Buffer.alloc(32, 1).toString('base64')}`;
  const k2 = `2:${Buffer.alloc(32, 2).toString('base64')}`;

  it('round-trips, binds the owner, and opens old versions after rotation', () => {
    const old = new KeyRing(k1);
    const sealed = old.seal('sk-secret-123', providerKeyAad('u1', 'openai'));
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(sealed).not.toContain('sk-secret');
    expect(old.open(sealed, providerKeyAad('u1', 'openai'))).toBe('sk-secret-123');
    expect(() => old.open(sealed, providerKeyAad('u2', 'openai'))).toThrow('does not decrypt');
    const ring = new KeyRing(`${k1},${k2}`);
    expect(ring.current).toBe(2);
    expect(ring.isStale(sealed)).toBe(true);
    expect(ring.open(sealed, providerKeyAad('u1', 'openai'))).toBe('sk-secret-123');
    expect(() => new KeyRing(k2).open(sealed, providerKeyAad('u1', 'openai'))).toThrow('no master key');
  });

  it('refuses malformed key lists', () => {
    expect(() => new KeyRing('1:short')).toThrow();
    expect(() => new KeyRing(`${k1},${k1}`)).toThrow('unique');
  });
});

describe('password policy', () => {
  it.each([
    ['short1', 'at least'],
    ['onlyletters', 'letters and digits'],
    ['12345678901', 'letters and digits'],
    ['Password123', 'too common'],
    ['x'.repeat(257) + '1', 'at most'],
  ])('refuses %s', (pw, msg) => {
    expect(passwordProblem(pw)).toContain(msg);
  });
  it('accepts a decent password', () => {
    expect(passwordProblem('correct-horse-42')).toBeNull();
  });
});
