import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

/**
 * Development sinks: where email and SMS go when no real SMTP server or SMS gateway is
 * configured. Each message is kept as files under `${DATA_DIR}/sink/{mail,sms}/` (an `.eml` for
 * mail, and a `.json` summary for both) so staff can read them (GraphQL `sinkMessages`, staff
 * only, never in production) and tests can wait for them.
 */
export type SinkChannel = 'EMAIL' | 'SMS';

export interface SinkMessage {
  id: string;
  channel: SinkChannel;
  to: string;
  from?: string;
  subject?: string;
  text: string;
  noticeId?: string;
  receivedAt: string;
  /** The raw message file (mail only). */
  file?: string;
}

export const sinkDir = (dataDir: string, channel: SinkChannel) =>
  path.join(dataDir, 'sink', channel === 'EMAIL' ? 'mail' : 'sms');

function newId(): string {
  // Sortable by time, unique across processes.
  return `${Date.now().toString().padStart(14, '0')}-${randomBytes(4).toString('hex')}`;
}

export function writeSinkMessage(
  dataDir: string,
  m: Omit<SinkMessage, 'id' | 'receivedAt'>,
  raw?: Buffer,
): SinkMessage {
  const dir = sinkDir(dataDir, m.channel);
  mkdirSync(dir, { recursive: true });
  const id = newId();
  const message: SinkMessage = { ...m, id, receivedAt: new Date().toISOString() };
  if (raw) {
    message.file = path.join(dir, `${id}.eml`);
    writeFileSync(message.file, raw);
  }
  writeFileSync(path.join(dir, `${id}.json`), JSON.stringify(message, null, 2));
  return message;
}

/** Newest first; `to` matches the recipient exactly (a phone number or an email address). */
export function listSinkMessages(
  dataDir: string,
  channel: SinkChannel,
  opts: { to?: string | null; first?: number } = {},
): SinkMessage[] {
  let names: string[];
  try {
    names = readdirSync(sinkDir(dataDir, channel)).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  const out: SinkMessage[] = [];
  const want = opts.to?.trim().toLowerCase();
  for (const name of names.sort().reverse()) {
    let m: SinkMessage;
    try {
      m = JSON.parse(
        readFileSync(path.join(sinkDir(dataDir, channel), name), 'utf8'),
      ) as SinkMessage;
    } catch {
      continue; // being written
    }
    if (want && m.to.toLowerCase() !== want) continue;
    out.push(m);
    if (out.length >= (opts.first ?? 20)) break;
  }
  return out;
}

/** Decode a MIME header's encoded-words (=?UTF-8?B?…?= / ?Q?), as nodemailer writes a Chinese subject. */
function decodeHeader(v: string): string {
  return v.replace(
    /=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*/g,
    (_m, _cs: string, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) =>
                String.fromCharCode(parseInt(h, 16)),
              ),
            'latin1',
          ).toString('utf8'),
  );
}

function splitHead(s: string): [string, string] {
  const m = /\r?\n\r?\n/.exec(s);
  return m ? [s.slice(0, m.index), s.slice(m.index + m[0].length)] : [s, ''];
}

function decodeBody(head: string, body: string): string {
  const enc = head.match(/Content-Transfer-Encoding:\s*(\S+)/i)?.[1]?.toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (enc === 'quoted-printable')
    return Buffer.from(
      body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  return body;
}

/** The text/plain part of a message (enough for a sink listing; the .eml keeps everything). */
function plainText(raw: string): string {
  const [head, body] = splitHead(raw);
  const boundary = head.match(/boundary="?([^";\r\n]+)"?/i)?.[1];
  if (!boundary) return decodeBody(head, body).trim();
  for (const part of body.split(`--${boundary}`)) {
    const [ph, pb] = splitHead(part.replace(/^\r?\n/, ''));
    if (/content-type:\s*text\/plain/i.test(ph)) return decodeBody(ph, pb).trim();
  }
  return '';
}

export interface RunningSmtpSink {
  port: number;
  stop(): Promise<void>;
}

/** A local SMTP server that accepts every message (no auth, no TLS) and keeps it in the sink. */
export async function startSmtpSink(opts: {
  dataDir: string;
  port: number;
  host?: string;
}): Promise<RunningSmtpSink> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    banner: 'Creditline development mail sink',
    size: 10 * 1024 * 1024,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        try {
          const raw = Buffer.concat(chunks);
          const text = raw.toString('utf8');
          const header = (name: string) =>
            text
              .slice(0, text.search(/\r?\n\r?\n/))
              .match(new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im'))?.[1]
              ?.replace(/\r?\n[ \t]/g, ' ');
          const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined;
          writeSinkMessage(
            opts.dataDir,
            {
              channel: 'EMAIL',
              to,
              from,
              subject: decodeHeader(header('Subject') ?? ''),
              text: plainText(text),
              noticeId: header('X-Creditline-Notice') ?? undefined,
            },
            raw,
          );
          callback();
        } catch (err) {
          callback(err as Error);
        }
      });
    },
  });
  const host = opts.host ?? '127.0.0.1';
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => {
      const addr = server.server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : opts.port);
    });
  });
  return {
    port,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/**
 * The latest message the sink kept for a recipient (development and tests): e.g. the one-time
 * code of a partner link sent to a phone. Undefined when none.
 */
export function latestSinkMessage(
  dataDir: string,
  channel: SinkChannel,
  to: string,
): SinkMessage | undefined {
  return listSinkMessages(dataDir, channel, { to, first: 1 })[0];
}
