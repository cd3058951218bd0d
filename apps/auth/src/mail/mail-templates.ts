/** The emails the auth app sends: one template per kind, each rendered to a subject, a text part and an HTML part. */
export const MAIL_KINDS = [
  'verify_email',
  'reset_password',
  'magic_link',
  'confirm_email_change',
  'email_change_requested',
  'email_changed',
  'password_changed',
  'account_deleted',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export interface MailVars {
  product: string;
  /** The link to open (carries the token as `token=`). */
  link?: string;
  /** The 6-digit code, for flows that have one. */
  code?: string;
  /** How long the link/code is valid, in minutes. */
  expiresMinutes?: number;
  /** The other address of an email change. */
  newEmail?: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

interface Template {
  subject: (v: MailVars) => string;
  /** Paragraphs before the action (plain text; escaped for HTML). */
  intro: (v: MailVars) => string[];
  /** Label of the link's button. */
  action?: string;
  outro: (v: MailVars) => string[];
}

const expiry = (v: MailVars) => (v.expiresMinutes ? [`It expires in ${humanMinutes(v.expiresMinutes)} and works once.`] : []);
const notYou = 'If this was not you, you can ignore this email.';
const contact = 'If this was not you, reset your password right away and contact the administrator.';

const TEMPLATES: Record<MailKind, Template> = {
  verify_email: {
    subject: (v) => `Confirm your email for ${v.product}`,
    intro: (v) => [`Welcome to ${v.product}! Confirm that this address is yours.`],
    action: 'Confirm my email',
    outro: (v) => [...expiry(v), notYou],
  },
  reset_password: {
    subject: (v) => `Reset your ${v.product} password`,
    intro: (v) => [`Someone (hopefully you) asked to reset the password of your ${v.product} account.`],
    action: 'Choose a new password',
    outro: (v) => [...expiry(v), `${notYou} Your password stays as it is.`],
  },
  magic_link: {
    subject: (v) => `Your ${v.product} sign-in link`,
    intro: (v) => [`Use this link or code to sign in to ${v.product}.`],
    action: 'Sign in',
    outro: (v) => [...expiry(v), notYou],
  },
  confirm_email_change: {
    subject: (v) => `Confirm your new email for ${v.product}`,
    intro: (v) => [`Confirm that ${v.newEmail ?? 'this address'} should become the email of your ${v.product} account.`],
    action: 'Confirm the new address',
    outro: (v) => [...expiry(v), `${notYou} Nothing changes until the link is used.`],
  },
  email_change_requested: {
    subject: (v) => `A change of your ${v.product} email was requested`,
    intro: (v) => [`Someone signed in to your ${v.product} account asked to change its email to ${v.newEmail}.`],
    outro: () => ['Nothing changes until the new address confirms it.', contact],
  },
  email_changed: {
    subject: (v) => `Your ${v.product} email was changed`,
    intro: (v) => [`The email of your ${v.product} account is now ${v.newEmail}. This address no longer signs in.`],
    outro: () => [contact],
  },
  password_changed: {
    subject: (v) => `Your ${v.product} password was changed`,
    intro: (v) => [`The password of your ${v.product} account was just changed, and every session was signed out.`],
    outro: () => [contact],
  },
  account_deleted: {
    subject: (v) => `Your ${v.product} account was deleted`,
    intro: (v) => [`Your ${v.product} account, its API keys, provider keys, uploads, outputs and jobs have been deleted.`],
    outro: (v) => [`Billing records are kept under the account's number only, without your email. You can sign up again at any time. Thank you for using ${v.product}.`],
  },
};

function humanMinutes(m: number): string {
  if (m % 60 === 0) return m === 60 ? '1 hour' : `${m / 60} hours`;
  return `${m} minutes`;
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Renders one kind: the text part has the link (with its `token=`) and the code on lines of their own. */
export function renderMail(kind: MailKind, v: MailVars): RenderedMail {
  const t = TEMPLATES[kind];
  const intro = t.intro(v);
  const outro = t.outro(v);
  const text: string[] = [...intro, ''];
  if (v.link) text.push(`${t.action ?? 'Open'}:`, v.link, '');
  if (v.code) text.push('Or enter this code:', v.code, '');
  text.push(...outro, '', `— ${v.product}`);

  const p = (s: string) => `<p style="margin:0 0 16px">${escape(s)}</p>`;
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#111;max-width:560px;margin:0 auto;padding:24px">',
    `<h1 style="font-size:20px;margin:0 0 16px">${escape(t.subject(v))}</h1>`,
    ...intro.map(p),
    v.link
      ? `<p style="margin:24px 0"><a href="${escape(v.link)}" style="background:#2b59c3;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none">${escape(t.action ?? 'Open')}</a></p>` +
        `<p style="margin:0 0 16px;font-size:13px;color:#555">Or paste this link: ${escape(v.link)}</p>`
      : '',
    v.code ? `<p style="margin:0 0 8px">Or enter this code:</p><p style="font-size:28px;letter-spacing:6px;font-weight:600;margin:0 0 16px">${escape(v.code)}</p>` : '',
    ...outro.map(p),
    `<p style="margin:24px 0 0;color:#555">— ${escape(v.product)}</p>`,
    '</body></html>',
  ].join('');
  return { subject: t.subject(v), text: text.join('\n') + '\n', html };
}
