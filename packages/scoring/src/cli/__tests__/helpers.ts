/** Shared set-up of the CLI tests: the package's data paths, the CLI run in-process, a portfolio. */
import { readFileSync, writeFileSync } from 'node:fs';
import { run } from '../main.js';
import { generateDemoBehaviour, mulberry32, parseCardCsv } from '../../demo/demo-population.js';
import { platformFeatures } from '../../features/platform-features.js';
import { cardCsv } from '../../model/__tests__/helpers.js';

export { pkgDir, cardCsv, germanCsv } from '../../model/__tests__/helpers.js';

/** What a CLI run gives back: its exit code and everything it wrote. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI in-process (no spawned Node), its output collected. */
export function cliInProcess(...args: string[]): Run {
  let stdout = '';
  let stderr = '';
  const code = run(
    args,
    (t) => (stdout += t),
    (t) => (stderr += t),
  );
  return { code, stdout, stderr };
}

/** An account's facts beside its platform features (the rest of a portfolio row). */
export interface AccountFacts {
  current_limit_fen: number;
  max_days_past_due: number;
  months_on_book: number;
}

/**
 * A portfolio CSV as a risk team would export it, written to `file`: for each of the first
 * `count` card rows, platform features of demo behaviour drawn with `mulberry32(seed)` as of
 * `asOf`, then the account's facts (`facts(i)`), used at (i mod 10) tenths of the limit.
 * Returns the accounts in file order.
 */
export function writePortfolio(
  file: string,
  count: number,
  seed: number,
  asOf: Date,
  facts: (i: number) => AccountFacts,
): Record<string, number | string | null>[] {
  const rng = mulberry32(seed);
  const accounts = parseCardCsv(readFileSync(cardCsv, 'utf8'))
    .slice(0, count)
    .map((card, i) => {
      const { behaviour } = generateDemoBehaviour(card, rng, asOf);
      const f = facts(i);
      return {
        ID: `A${i + 1}`,
        ...platformFeatures(behaviour, asOf),
        current_limit_fen: f.current_limit_fen,
        used_fen: Math.round((f.current_limit_fen * (i % 10)) / 10),
        income_band: behaviour.incomeBand,
        max_days_past_due: f.max_days_past_due,
        months_on_book: f.months_on_book,
      } as Record<string, number | string | null>;
    });
  const cols = Object.keys(accounts[0]!);
  writeFileSync(
    file,
    [cols.join(','), ...accounts.map((a) => cols.map((c) => a[c] ?? '').join(','))].join('\n') +
      '\n',
  );
  return accounts;
}
