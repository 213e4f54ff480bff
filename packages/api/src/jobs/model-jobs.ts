import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { JobCommand, JobContext } from './job-command.js';
import { ANONYMOUS, type Viewer } from '../modules/auth/viewer.js';
import {
  discardModel,
  listModelEvents,
  listModels,
  promoteModel,
  refreshActiveModel,
  registerModel,
  rollbackModel,
  shadowScoreModel,
} from '../modules/models/model-registry.service.js';
import type { Outcome, UserErrorCode } from '../graphql/errors.js';

const modelArgs = (args: string[]) =>
  parseArgs({
    args,
    options: { agent: { type: 'string' }, note: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  });

/** `--agent USERNAME`: the risk admin the step is recorded for (else the system). */
async function viewerOf(ctx: JobContext): Promise<Viewer> {
  const username = modelArgs(ctx.args).values.agent;
  if (!username) return ANONYMOUS;
  const [a] = await ctx.orm.em
    .getConnection()
    .execute<{ id: string; role: string }[]>(
      `select id, role from agents where username = ? and active`,
      [username],
    );
  if (!a || a.role !== 'RISK_ADMIN')
    throw new Error(`--agent ${username}: no active risk admin with that username`);
  return { kind: 'agent', id: String(a.id), username, role: 'RISK_ADMIN' };
}

function report<T>(
  out: (l: string) => void,
  r: Outcome<T, UserErrorCode>,
  show: (v: T) => string,
): number {
  if (r.ok) {
    out(show(r.value));
    return 0;
  }
  for (const e of r.errors) out(`error ${e.code}: ${e.message}`);
  return 2;
}

const USAGE =
  'model register FILE | shadow VERSION | promote VERSION | discard VERSION | rollback | list [--agent USERNAME] [--note TEXT]';

/** The model lifecycle from the command line (issue 16 item 7), the same steps as the GraphQL mutations. */
export const modelJobs: Record<string, JobCommand> = {
  model: {
    describe: `Model lifecycle: ${USAGE}. Register validates against the model schema; shadow scores every ACTIVE account with the candidate and the current model (PSI, grade mix); promote/rollback switch the scoring model.`,
    run: async (ctx: JobContext) => {
      const { orm, out, args } = ctx;
      const { values, positionals } = modelArgs(args);
      const [sub, arg] = positionals;
      const em = orm.em.fork();
      await refreshActiveModel(em);
      const note = values.note ?? null;
      const viewer = await viewerOf(ctx);
      const show = (m: { version: string; status: string }) => `${m.version}: ${m.status}`;
      switch (sub) {
        case 'register': {
          if (!arg) throw new Error(`usage: ${USAGE}`);
          let doc: unknown;
          try {
            doc = readFileSync(arg, 'utf8');
          } catch {
            throw new Error(`cannot read ${arg}`);
          }
          return report(out, await registerModel(em, viewer, doc, note), show);
        }
        case 'shadow':
          if (!arg) throw new Error(`usage: ${USAGE}`);
          return report(out, await shadowScoreModel(em, viewer, arg), (m) =>
            m.shadow
              ? `${m.version}: SHADOWED on ${m.shadow.accounts} accounts against ${m.shadow.againstVersion}: PSI ${m.shadow.psi}, mean score ${m.shadow.current.mean} → ${m.shadow.candidate.mean}, ${m.shadow.gradeChanges} grade changes; grades now ${JSON.stringify(m.shadow.current.grades)}, candidate ${JSON.stringify(m.shadow.candidate.grades)}`
              : show(m),
          );
        case 'promote':
          if (!arg) throw new Error(`usage: ${USAGE}`);
          return report(out, await promoteModel(em, viewer, arg, note), show);
        case 'discard':
          if (!arg) throw new Error(`usage: ${USAGE}`);
          return report(out, await discardModel(em, viewer, arg, note), show);
        case 'rollback':
          return report(
            out,
            await rollbackModel(em, viewer, note),
            (r) => `rolled back ${r.rolledBack}; ${r.restored} scores again`,
          );
        case 'list': {
          for (const m of await listModels(em))
            out(
              `${m.version}\t${m.status}\tAUC ${m.trainingAuc}\t${m.shadow ? `PSI ${m.shadow.psi}` : 'not shadowed'}`,
            );
          for (const e of await listModelEvents(em, 10))
            out(
              `${e.createdAt.toISOString()}\t${e.action}\t${e.modelVersion}\t${e.previousModelVersion ?? ''}\t${e.policyVersion}`,
            );
          return 0;
        }
        default:
          throw new Error(`usage: ${USAGE}`);
      }
    },
  },
};
