import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AUTH_CONFIG, type AuthConfig } from '../config';
import type { RenderedMail } from './mail-templates';

export interface OutgoingMail extends RenderedMail {
  to: string;
  /** Deterministic `<id@domain>`: a resend after a crash carries the same Message-ID. */
  messageId: string;
}

/** The domain of MAIL_FROM's address (for Message-IDs). */
export function mailDomain(from: string): string {
  const m = /@([^>\s]+)>?\s*$/.exec(from);
  return m ? m[1] : 'localhost';
}

/**
 * The one way out for email: SMTP through nodemailer when SMTP_URL is set; otherwise (never in
 * production: config refuses it) an `.eml` file per message in MAIL_DIR, named after the message
 * id, so a redelivery overwrites instead of duplicating.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter;
  readonly mode: 'smtp' | 'files';

  constructor(@Inject(AUTH_CONFIG) private readonly config: AuthConfig) {
    this.mode = config.SMTP_URL ? 'smtp' : 'files';
    this.transporter = config.SMTP_URL
      ? createTransport(config.SMTP_URL, { from: config.MAIL_FROM })
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' }, { from: config.MAIL_FROM });
  }

  /** Where files go in `files` mode (absolute), for the start banner and logs. */
  get directory(): string {
    return path.resolve(this.config.MAIL_DIR);
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transporter.sendMail({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
    });
    if (this.mode === 'files') {
      const message = (info as { message?: Buffer }).message;
      if (!message) throw new Error('the stream transport produced no message');
      await mkdir(this.directory, { recursive: true, mode: 0o700 });
      const name = mail.messageId.replace(/[<>]/g, '').replace(/[^A-Za-z0-9@._-]/g, '_');
      await writeFile(path.join(this.directory, `${name}.eml`), message, { mode: 0o600 });
    }
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
