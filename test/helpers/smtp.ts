/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package, free port) that keeps every message
 * it accepts, parsed with `mailparser`. `failNext(n)` answers the next n messages with a 451 (a
 * mail server outage), so senders must retry.
 *   const smtp = await startSmtp();  env SMTP_URL = smtp.url
 *   const mail = await smtp.waitFor((m) => m.to === email && /Confirm/.test(m.subject));
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  raw: string;
}

export interface SmtpStandIn {
  url: string;
  messages: ReceivedMail[];
  /** Rejects the next `n` messages with `451 try again later`. */
  failNext(n: number): void;
  /** How many deliveries were refused by failNext. */
  refused(): number;
  waitFor(pred: (m: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  stop(): Promise<void>;
}

export async function startSmtp(): Promise<SmtpStandIn> {
  const messages: ReceivedMail[] = [];
  let failures = 0;
  let refused = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        if (failures > 0) {
          failures--;
          refused++;
          const err = Object.assign(new Error('try again later'), { responseCode: 451 });
          return callback(err);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const parsed = await simpleParser(raw);
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        messages.push({
          to,
          from: parsed.from?.text ?? '',
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          html: typeof parsed.html === 'string' ? parsed.html : '',
          messageId: parsed.messageId ?? '',
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    failNext: (n) => void (failures = n),
    refused: () => refused,
    async waitFor(pred, timeoutMs = 30_000) {
      const end = Date.now() + timeoutMs;
      while (Date.now() < end) {
        const m = messages.find(pred);
        if (m) return m;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no matching email within ${timeoutMs} ms (received: ${messages.map((m) => `${m.to}: ${m.subject}`).join('; ') || 'none'})`);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The `token=` of the link in a mail's text part, and the code on its own line. */
export function linkOf(m: ReceivedMail): { link: string; token: string } {
  const link = m.text.split('\n').find((l) => /^https?:\/\/\S+token=/.test(l.trim()))?.trim();
  if (!link) throw new Error(`no link in: ${m.text}`);
  return { link, token: new URL(link).searchParams.get('token')! };
}

export function codeOf(m: ReceivedMail): string {
  const code = m.text.split('\n').find((l) => /^\d{6}$/.test(l.trim()))?.trim();
  if (!code) throw new Error(`no code in: ${m.text}`);
  return code;
}
