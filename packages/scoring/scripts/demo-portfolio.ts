/**
 * A demo portfolio for `creditline-score review` and `stress`: the first N card dev rows turned
 * into platform customers (demo behaviour, seeded) with account columns, as CSV on stdout.
 * `tsx scripts/demo-portfolio.ts [N=2000] > portfolio.csv`
 */
import { readFileSync } from 'node:fs';
import { generateDemoBehaviour, mulberry32, parseCardCsv } from '../src/demo/demo-population.js';
import { platformFeatures } from '../src/features/platform-features.js';

const n = Number(process.argv[2] ?? 2000);
const asOf = new Date('2026-11-01T00:00:00Z');
const rng = mulberry32(20261202);
const cards = parseCardCsv(
  readFileSync(new URL('../data/credit-card-default/dev.csv', import.meta.url), 'utf8'),
).slice(0, n);
const rows = cards.map((card, i) => {
  const { behaviour } = generateDemoBehaviour(card, rng, asOf);
  // The card issuer's limit read as yuan for the demo: whole ¥100, between ¥100 and ¥50,000.
  const limit = Math.min(5_000_000, Math.max(10_000, Math.round(card.LIMIT_BAL! / 100) * 10_000));
  const used = Math.min(limit, Math.max(0, card.BILL_AMT1! * 100));
  return {
    ID: `C${i + 1}`,
    ...platformFeatures(behaviour, asOf),
    current_limit_fen: limit,
    used_fen: used,
    income_band: behaviour.incomeBand,
    max_days_past_due: Math.max(0, card.PAY_0!) * 30,
    months_on_book: 12,
  };
});
const cols = Object.keys(rows[0]!);
process.stdout.write(
  [
    cols.join(','),
    ...rows.map((r) => cols.map((c) => (r as Record<string, unknown>)[c] ?? '').join(',')),
  ].join('\n') + '\n',
);
