import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { simpleParser } from 'mailparser';
import { loadAuthConfig } from '../config';
import { renderMail } from './mail-templates';
import { MailTransport, mailDomain } from './mail-transport';

describe('MailTransport without SMTP_URL', () => {
  it('writes one .eml per message id (a redelivery overwrites), with text and HTML parts', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mail-'));
    try {
      const config = loadAuthConfig({ MAIL_DIR: dir, MAIL_FROM: 'Clipyard <no-reply@clipyard.test>' });
      const t = new MailTransport(config);
      expect(t.mode).toBe('files');
      const mail = { ...renderMail('verify_email', { product: 'Clipyard', link: 'http://x.test/a?token=ot_abc', code: '123456', expiresMinutes: 1440 }), to: 'a@example.test', messageId: '<m1@clipyard.test>' };
      await t.send(mail);
      await t.send(mail);
      const files = readdirSync(dir);
      expect(files).toEqual(['m1@clipyard.test.eml']);
      const parsed = await simpleParser(readFileSync(path.join(dir, files[0])));
      expect(parsed.messageId).toBe('<m1@clipyard.test>');
      expect(parsed.from?.value[0]).toMatchObject({ name: 'Clipyard', address: 'no-reply@clipyard.test' });
      expect(parsed.text).toContain('http://x.test/a?token=ot_abc');
      expect(parsed.html).toContain('123456');
      t.onApplicationShutdown();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('production without SMTP_URL refuses to boot, with a clear message', () => {
    const prod = {
      NODE_ENV: 'production',
      RPC_SECRET: 'p'.repeat(40),
      ENCRYPTION_KEYS: `1:${Buffer.alloc(32, 7).toString('base64')}`,
      API_KEY_PEPPER: 'q'.repeat(40),
    };
    expect(() => loadAuthConfig(prod)).toThrow(/SMTP_URL: required when NODE_ENV=production/);
    expect(loadAuthConfig({ ...prod, SMTP_URL: 'smtps://u:p@mail.example.com:465' }).SMTP_URL).toBe('smtps://u:p@mail.example.com:465');
    expect(() => loadAuthConfig({ SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL/);
  });

  it('Message-ID domain comes from MAIL_FROM', () => {
    expect(mailDomain('Clipyard <no-reply@clipyard.test>')).toBe('clipyard.test');
    expect(mailDomain('ops@example.com')).toBe('example.com');
  });
});
