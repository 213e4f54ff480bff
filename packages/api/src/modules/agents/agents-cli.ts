import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/config.js';
import { createLogger } from '../../shared/logger.js';
import { openDatabase } from '../../db/database.js';
import { connectOrm, migrate } from '../../db/orm.js';
import { ANONYMOUS } from '../auth/viewer.js';
import { AgentAdminService, type AgentSummary } from './agent-admin.service.js';
import type { Outcome, UserErrorCode } from '../../graphql/errors.js';

const USAGE = `usage: pnpm --filter @creditline/api agents <command> [options]

  list                                        every staff member
  create <username> --role AGENT|SUPERVISOR|RISK_ADMIN [--name "显示名"] [--password-stdin]
  deactivate <username>                       can no longer sign in; sessions end within seconds
  reactivate <username>
  role <username> <AGENT|SUPERVISOR|RISK_ADMIN>   sessions end; they sign in again
  password <username> [--password-stdin]     sets a password (printed once when generated)

Without --password-stdin a random password is generated and printed once.
Every change is written to the audit log (actor SYSTEM, via cli, with your OS user).`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function print(out: (l: string) => void, a: AgentSummary): void {
  out(
    `${a.id.padStart(4)}  ${a.username.padEnd(20)} ${a.role.padEnd(11)} ${a.active ? 'active  ' : 'INACTIVE'} ${a.demo ? 'demo ' : ''}${a.displayName}`,
  );
}

/** Runs one command; returns the exit code. Exported for tests. */
export async function runAgentsCommand(
  argv: string[],
  env: NodeJS.ProcessEnv,
  out: (line: string) => void,
  err: (line: string) => void,
  stdin: () => Promise<string> = readStdin,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        role: { type: 'string' },
        name: { type: 'string' },
        'password-stdin': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    err(`agents: ${(e as Error).message}`);
    return 2;
  }
  const [command, username, extra] = parsed.positionals;
  const known = ['list', 'create', 'deactivate', 'reactivate', 'role', 'password'];
  if (parsed.values.help || !command || !known.includes(command)) {
    (command && !parsed.values.help ? err : out)(USAGE);
    return command && !parsed.values.help ? 2 : 0;
  }
  if (command !== 'list' && !username) {
    err(`agents ${command}: name the username.\n\n${USAGE}`);
    return 2;
  }
  const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  const base = loadConfig(env);
  const config = { ...base, DATA_DIR: path.resolve(apiRoot, base.DATA_DIR) };
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const db = await openDatabase(config, logger, apiRoot);
  const orm = await connectOrm(db.url);
  try {
    await migrate(orm);
    const em = orm.em.fork();
    const admin = new AgentAdminService({ via: 'cli', osUser: safeOsUser() });
    let generated: string | undefined;
    const password = async () => {
      if (parsed.values['password-stdin']) return stdin();
      generated = randomBytes(18).toString('base64url');
      return generated;
    };
    let result: Outcome<AgentSummary, UserErrorCode>;
    switch (command) {
      case 'list':
        for (const a of await admin.list(em)) print(out, a);
        return 0;
      case 'create':
        result = await admin.create(em, ANONYMOUS, {
          username: username!,
          displayName: parsed.values.name ?? username!,
          role: parsed.values.role ?? '',
          password: await password(),
        });
        break;
      case 'deactivate':
      case 'reactivate':
        result = await admin.setActive(em, ANONYMOUS, username!, command === 'reactivate');
        break;
      case 'role':
        result = await admin.setRole(em, ANONYMOUS, username!, extra ?? parsed.values.role ?? '');
        break;
      default:
        result = await admin.setPassword(em, ANONYMOUS, username!, await password());
    }
    if (!result.ok) {
      for (const e of result.errors) err(`agents ${command}: ${e.message}`);
      return 1;
    }
    print(out, result.value);
    if (generated) out(`password (shown once): ${generated}`);
    return 0;
  } finally {
    await orm.close();
    await db.stop();
  }
}

function safeOsUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  runAgentsCommand(
    process.argv.slice(2),
    process.env,
    (l) => process.stdout.write(`${l}\n`),
    (l) => process.stderr.write(`${l}\n`),
  ).then(
    (code) => process.exit(code),
    (e: Error) => {
      process.stderr.write(`creditline agents: ${e.message}\n`);
      process.exit(1);
    },
  );
}
