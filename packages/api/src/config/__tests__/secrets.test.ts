import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEVELOPMENT_SECRETS, SECRET_SETTINGS, loadConfig } from '../config.js';

const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const strong = (n: number) => Buffer.alloc(32, n).toString('base64');
const PROD = {
  NODE_ENV: 'production',
  JWT_SECRET: 'a-long-enough-production-secret-0123456789',
  PII_ENCRYPTION_KEY: strong(201),
  PII_BLIND_INDEX_KEY: strong(202),
};
const messageOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return 'accepted';
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
};

describe('production secrets', () => {
  it('accepts strong secrets', () => {
    expect(messageOf(PROD)).toBe('accepted');
  });

  it('refuses every development value in every secret setting, whichever it was made for', () => {
    expect(DEVELOPMENT_SECRETS.size).toBeGreaterThanOrEqual(SECRET_SETTINGS.length);
    // The development values are whatever a development start uses: read them from there.
    const dev = loadConfig({ NODE_ENV: 'development' }).secrets;
    expect(DEVELOPMENT_SECRETS).toContain(new TextDecoder().decode(dev.jwt));
    expect(DEVELOPMENT_SECRETS).toContain(dev.piiKey.toString('base64'));
    expect(DEVELOPMENT_SECRETS).toContain(dev.blindIndexKey.toString('base64'));
    for (const key of SECRET_SETTINGS)
      for (const value of DEVELOPMENT_SECRETS) {
        const m = messageOf({ ...PROD, [key]: value });
        // a base64 key where a passphrase is expected may fail its format first; never accepted
        expect(m).not.toBe('accepted');
        if (key === 'JWT_SECRET' || value.endsWith('='))
          expect(m).toContain(`${key} is a published development value`);
      }
  });

  it('refuses secrets shorter than 32 bytes, and a missing one, in one line', () => {
    const m = messageOf({ ...PROD, JWT_SECRET: 'short-secret', PII_BLIND_INDEX_KEY: '' });
    expect(m).toBe(
      'Invalid configuration: JWT_SECRET must be at least 32 bytes (got 12); PII_BLIND_INDEX_KEY is required in production',
    );
    expect(m).not.toContain('\n');
    // 32 characters of multi-byte text are more than 32 bytes; 31 ASCII characters are not enough
    expect(messageOf({ ...PROD, JWT_SECRET: 'x'.repeat(31) })).toContain('got 31');
  });

  it('a production start with a development secret exits 1 with one line', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: apiRoot,
      env: {
        ...process.env,
        ...PROD,
        JWT_SECRET: 'creditline-development-jwt-secret-change-me!',
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(1);
    expect(out.trim()).toBe(
      'creditline: Invalid configuration: JWT_SECRET is a published development value; generate one with `openssl rand -base64 32`',
    );
  }, 60_000);
});
