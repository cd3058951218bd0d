import { MAIL_KINDS, renderMail } from './mail-templates';

describe('mail templates', () => {
  it('renders every kind with the product name, a text and an HTML part', () => {
    for (const kind of MAIL_KINDS) {
      const m = renderMail(kind, { product: 'Clipyard', newEmail: 'new@example.test' });
      expect(m.subject).toContain('Clipyard');
      expect(m.text).toContain('Clipyard');
      expect(m.html).toContain('<html>');
    }
  });

  it('puts the link (with token=) and the code on lines of their own in the text part, and escapes HTML', () => {
    const link = 'https://app.example.test/account/magic-link?token=abc_DEF-123';
    const m = renderMail('magic_link', { product: 'A<b>', link, code: '042917', expiresMinutes: 15 });
    const lines = m.text.split('\n');
    expect(lines).toContain(link);
    expect(lines).toContain('042917');
    expect(m.text).toContain('15 minutes');
    expect(m.html).toContain('A&lt;b&gt;');
    expect(m.html).not.toContain('A<b>');
    expect(m.html).toContain(`href="${link}"`);
  });
});
