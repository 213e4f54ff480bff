import { parseArgs } from 'node:util';
import type { JobCommand } from './job-command.js';
import type { Viewer } from '../modules/auth/viewer.js';
import { PartnerKeyService } from '../modules/partners/partner-keys.service.js';
import type { Outcome, UserErrorCode } from '../graphql/errors.js';

/** An operator at the command line acts as the system (actor SYSTEM in the audit log). */
const OPERATOR: Viewer = { kind: 'anonymous' };

const USAGE = `partner-key create-app --name NAME --scopes a,b      a new partner app and its first key
partner-key issue --app ID [--scopes a,b] [--label L]   another key for an app
partner-key rotate --key KEY_ID [--grace-hours 24]      a new key; the old one ends after the grace
partner-key revoke --key KEY_ID [--reason TEXT]         end a key now
partner-key list                                        apps and keys (never secrets)`;

function outcome<T>(
  r: Outcome<T, UserErrorCode>,
  out: (l: string) => void,
  show: (v: T) => string[],
): number {
  if (!r.ok) {
    for (const e of r.errors) out(`error: ${e.message}${e.field ? ` (${e.field})` : ''}`);
    return 1;
  }
  show(r.value).forEach(out);
  return 0;
}

/** Partner apps and API keys from the command line (the same service as the GraphQL mutations). */
export const partnerJobs: Record<string, JobCommand> = {
  'partner-key': {
    describe: 'partner apps and API keys: create-app | issue | rotate | revoke | list',
    async run({ orm, args, out }) {
      const [action, ...rest] = args;
      const { values } = parseArgs({
        args: rest,
        options: {
          name: { type: 'string' },
          scopes: { type: 'string' },
          app: { type: 'string' },
          key: { type: 'string' },
          label: { type: 'string' },
          reason: { type: 'string' },
          'grace-hours': { type: 'string' },
        },
        strict: true,
      });
      const keys = new PartnerKeyService();
      const em = orm.em.fork();
      const scopes = values.scopes
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const secretLines = (apiKey: string) => [
        `X-Api-Key: ${apiKey}`,
        'Store it now: the secret is not kept and cannot be shown again.',
      ];
      switch (action) {
        case 'create-app':
          if (!values.name || !scopes) break;
          return outcome(
            await keys.createApp(em, OPERATOR, { name: values.name, scopes }),
            out,
            (v) => [
              `partner app ${v.app.id} "${v.app.name}" (${v.app.scopes.join(', ')})`,
              ...secretLines(v.apiKey),
            ],
          );
        case 'issue':
          if (!values.app) break;
          return outcome(
            await keys.issueKey(em, OPERATOR, {
              partnerAppId: values.app,
              scopes,
              label: values.label,
            }),
            out,
            (v) => [`key ${v.key.keyId} (${v.key.scopes.join(', ')})`, ...secretLines(v.apiKey)],
          );
        case 'rotate':
          if (!values.key) break;
          return outcome(
            await keys.rotateKey(em, OPERATOR, {
              keyId: values.key,
              graceHours:
                values['grace-hours'] === undefined ? null : Number(values['grace-hours']),
            }),
            out,
            (v) => [
              `new key ${v.key.keyId}; ${values.key} ends after the grace period`,
              ...secretLines(v.apiKey),
            ],
          );
        case 'revoke':
          if (!values.key) break;
          return outcome(
            await keys.revokeKey(em, OPERATOR, { keyId: values.key, reason: values.reason }),
            out,
            (k) => [`revoked ${k.keyId}`],
          );
        case 'list': {
          const apps = await keys.apps(em);
          const all = await keys.keysOf(
            em,
            apps.map((a) => a.id),
          );
          for (const a of apps) {
            out(`${a.id}\t${a.name}\t${a.active ? 'active' : 'inactive'}\t${a.scopes.join(',')}`);
            for (const k of all.filter((k) => k.partnerAppId === a.id))
              out(
                `\t${k.keyId}\t${k.revokedAt ? 'revoked' : k.expiresAt ? `ends ${k.expiresAt.toISOString()}` : 'live'}\tlast used ${k.lastUsedAt?.toISOString() ?? 'never'}`,
              );
          }
          return 0;
        }
      }
      out(USAGE);
      return 2;
    },
  },
};
