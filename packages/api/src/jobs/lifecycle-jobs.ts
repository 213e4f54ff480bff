import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { JobCommand } from './job-command.js';
import { importBureauCsv } from '../modules/behaviour/bureau.service.js';

/** Jobs of the account lifecycle (issue 13). */
export const lifecycleJobs: Record<string, JobCommand> = {
  'import-bureau': {
    describe:
      'Import a credit-bureau CSV (--file PATH; customer_id or national_id, reported_at, bureau_score, inquiries_3m, inquiries_6m, other_debt_fen, past_defaults): stores each report, runs the triggered reviews and risk-alert rules it calls for; --from-line N resumes.',
    run: async ({ orm, config, out, args }) => {
      const { values } = parseArgs({
        args,
        options: {
          file: { type: 'string' },
          'from-line': { type: 'string' },
        },
        strict: true,
        allowPositionals: true,
      });
      const file = values.file;
      if (!file) throw new Error('--file PATH is required');
      const fromLine = Number(values['from-line'] ?? 1);
      if (!Number.isInteger(fromLine) || fromLine < 1)
        throw new Error('--from-line must be a positive integer');
      const r = await importBureauCsv(orm, await readFile(file, 'utf8'), {
        blindIndexKey: config.secrets.blindIndexKey,
        fromLine,
      });
      out(
        `bureau import: ${r.imported}/${r.rows} line(s) imported, ${r.reviews} review(s), ${r.frozen} risk-alert freeze(s), ${r.errors.length} error(s)`,
      );
      for (const e of r.errors.slice(0, 50)) out(`  line ${e.line}: ${e.message}`);
      return r.errors.length === 0 ? 0 : 1;
    },
  },
};
