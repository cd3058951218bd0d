import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret, signatureHeader, standardHeaders, verifySignature } from './webhook-signature';

describe('webhook signatures', () => {
  const body = '{"id":"evt_1","type":"job.completed"}';
  const now = 1_800_000_000_000;
  const t = now / 1000;

  it('signs "t.body" with HMAC-SHA256 in hex, as documented', () => {
    const header = signatureHeader(body, ['whsec_abc'], t);
    const expected = createHmac('sha256', 'whsec_abc').update(`${t}.${body}`).digest('hex');
    expect(header).toBe(`t=${t},v1=${expected}`);
    expect(verifySignature(header, body, 'whsec_abc', 300, now)).toBe(true);
  });

  it('carries one v1 per live secret during a rotation overlap', () => {
    const header = signatureHeader(body, ['whsec_new', 'whsec_old'], t);
    expect(header.match(/v1=/g)).toHaveLength(2);
    expect(verifySignature(header, body, 'whsec_old', 300, now)).toBe(true);
    expect(verifySignature(header, body, 'whsec_new', 300, now)).toBe(true);
    expect(verifySignature(header, body, 'whsec_other', 300, now)).toBe(false);
  });

  it('refuses a changed body, a stale timestamp and garbage', () => {
    const header = signatureHeader(body, ['whsec_abc'], t);
    expect(verifySignature(header, `${body} `, 'whsec_abc', 300, now)).toBe(false);
    expect(verifySignature(header, body, 'whsec_abc', 300, now + 301_000)).toBe(false);
    expect(verifySignature('t=x,v1=zz', body, 'whsec_abc', 300, now)).toBe(false);
    expect(verifySignature('', body, 'whsec_abc', 300, now)).toBe(false);
  });

  it('generates distinct, prefixed secrets with 32 random bytes', () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/); // standard base64, as Standard Webhooks libraries decode it
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(a);
  });

  it('signs "id.timestamp.body" the Standard Webhooks way: the standardwebhooks library verifies it, with either secret during a rotation', () => {
    const [fresh, old] = [generateWebhookSecret(), generateWebhookSecret()];
    const ts = Math.floor(Date.now() / 1000);
    const headers = standardHeaders('evt_1', body, [fresh, old], ts);
    expect(headers['webhook-id']).toBe('evt_1');
    expect(headers['webhook-timestamp']).toBe(String(ts));
    expect(headers['webhook-signature'].split(' ')).toEqual([new Webhook(fresh).sign('evt_1', new Date(ts * 1000), body), new Webhook(old).sign('evt_1', new Date(ts * 1000), body)]);
    expect(new Webhook(fresh).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(old).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(fresh).verify(body, { ...headers, 'webhook-timestamp': String(ts - 3600) })).toThrow();
  });
});
