import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config/config.js';
import { writeSinkMessage } from './sinks.js';

/**
 * How notices leave: email through nodemailer over SMTP (the configured server, or in
 * development the local sink that `pnpm start` runs), SMS through a provider. A transport that
 * is not configured is `undefined`: its outbox rows wait (they are not failed) until it is.
 */
export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
  noticeId: string;
}

export interface SmsProvider {
  readonly name: string;
  /** Returns the provider's message id. Throws on a failure worth retrying. */
  send(m: { to: string; text: string; noticeId: string }): Promise<string>;
}

/** Development: the message is kept under the data folder (see sinks.ts). */
export class SinkSmsProvider implements SmsProvider {
  readonly name = 'sink';
  constructor(private readonly dataDir: string) {}
  async send(m: { to: string; text: string; noticeId: string }): Promise<string> {
    return writeSinkMessage(this.dataDir, { channel: 'SMS', ...m }).id;
  }
}

/**
 * A gateway reached over HTTP: `POST SMS_HTTP_URL` with `{ to, text, reference }` as JSON and
 * `Authorization: Bearer SMS_HTTP_TOKEN`; a 2xx answer with an optional `{ id }` is success.
 * Most SMS gateways (or a small adapter in front of one) take this shape.
 */
export class HttpSmsProvider implements SmsProvider {
  readonly name = 'http';
  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
    private readonly timeoutMs: number,
  ) {}
  async send(m: { to: string; text: string; noticeId: string }): Promise<string> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ to: m.to, text: m.text, reference: `notice-${m.noticeId}` }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const body = await res.text();
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}: ${body.slice(0, 200)}`);
    try {
      return String((JSON.parse(body) as { id?: unknown }).id ?? '');
    } catch {
      return '';
    }
  }
}

export interface Transports {
  mail?: { transporter: Transporter; from: string; describe: string };
  sms?: SmsProvider;
}

export function transportsFor(config: Config): Transports {
  const dev = config.NODE_ENV !== 'production';
  const smtpUrl =
    config.SMTP_URL ?? (dev ? `smtp://127.0.0.1:${config.SMTP_SINK_PORT}` : undefined);
  let mail: Transports['mail'];
  if (smtpUrl) {
    const u = new URL(smtpUrl);
    const secure = u.protocol === 'smtps:';
    mail = {
      transporter: nodemailer.createTransport({
        host: u.hostname,
        port: Number(u.port || (secure ? 465 : 587)),
        secure,
        auth: u.username
          ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) }
          : undefined,
        // The development sink speaks plain SMTP on loopback.
        ignoreTLS: !config.SMTP_URL,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      }),
      from: config.MAIL_FROM,
      describe: config.SMTP_URL ? 'SMTP_URL' : `development sink on port ${config.SMTP_SINK_PORT}`,
    };
  }
  const smsKind = config.SMS_PROVIDER ?? (dev ? 'sink' : undefined);
  const sms =
    smsKind === 'http' && config.SMS_HTTP_URL
      ? new HttpSmsProvider(config.SMS_HTTP_URL, config.SMS_HTTP_TOKEN, config.WEBHOOK_TIMEOUT_MS)
      : smsKind === 'sink'
        ? new SinkSmsProvider(config.DATA_DIR)
        : undefined;
  return { mail, sms };
}
