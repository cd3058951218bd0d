import { createCipheriv, randomBytes } from 'node:crypto';
import { WebhookSecrets } from './webhook-secrets';

describe('WebhookSecrets', () => {
  const k = (v: number) => `${v}:${randomBytes(32).toString('base64')}`;

  it('round-trips, never stores the plaintext, and binds the value to its endpoint', () => {
    const box = new WebhookSecrets({ WEBHOOK_SECRET_KEYS: k(1) });
    const sealed = box.seal('ep-1', 'whsec_topsecret');
    expect(sealed).not.toContain('topsecret');
    expect(sealed).toMatch(/^v1\./);
    expect(box.open('ep-1', sealed)).toBe('whsec_topsecret');
    expect(() => box.open('ep-2', sealed)).toThrow();
  });

  it('seals with the newest key and still opens values sealed under older ones', () => {
    const one = k(1);
    const old = new WebhookSecrets({ WEBHOOK_SECRET_KEYS: one });
    const sealedOld = old.seal('ep', 's1');
    const both = new WebhookSecrets({ WEBHOOK_SECRET_KEYS: `${one},${k(2)}` });
    expect(both.seal('ep', 's2')).toMatch(/^v2\./);
    expect(both.open('ep', sealedOld)).toBe('s1');
  });

  it('opens secrets sealed before it used KeyRing (same envelope, same associated data)', () => {
    const raw = randomBytes(32);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', raw, iv);
    cipher.setAAD(Buffer.from('webhook-secret:ep-9'));
    const body = Buffer.concat([cipher.update('whsec_legacy', 'utf8'), cipher.final()]);
    const sealed = ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    expect(new WebhookSecrets({ WEBHOOK_SECRET_KEYS: `1:${raw.toString('base64')}` }).open('ep-9', sealed)).toBe('whsec_legacy');
  });
});
