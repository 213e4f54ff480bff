/**
 * Train the shipped platform model: ~20,000 synthetic customers generated deterministically from
 * the card rows (generateDemoBehaviour, seeded), their platformFeatures as of one date, a
 * scorecard trained on them (label = the row's default), 5-fold CV and a 25 % holdout AUC printed,
 * and models/platform-v1.json written (the final model is trained on every row).
 *
 *   npx tsx scripts/train-platform-model.ts [path/to/card.csv] [--rows 20000] [--out models/platform-v1.json]
 *     [--version platform-v1] [--interactions N] [--quick]   (--quick: no CV or holdout, just the model)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateDemoBehaviour, mulberry32, parseCardCsv } from '../src/demo/demo-population.js';
import { PLATFORM_FEATURES, platformFeatures } from '../src/features/platform-features.js';
import {
  crossValidate,
  evaluate,
  selectRows,
  trainScorecard,
  type Dataset,
  type TrainOptions,
} from '../src/model/index.js';

const { values: opt, positionals } = parseArgs({
  args: process.argv.slice(2),
  options: {
    rows: { type: 'string' },
    out: { type: 'string' },
    version: { type: 'string' },
    interactions: { type: 'string' },
    quick: { type: 'boolean' },
  },
  allowPositionals: true,
});
const flag = (name: string, dflt: string) =>
  opt[name.slice(2) as 'rows' | 'out' | 'version' | 'interactions'] || dflt;
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const csvPath = positionals[0] ?? here('../data/credit-card-default/dev.csv');
const nRows = Number(flag('--rows', '20000'));
const out = flag('--out', here('../models/platform-v1.json'));
const AS_OF = new Date('2026-11-01T00:00:00Z');
const SEED = 20261101;

const cards = parseCardCsv(readFileSync(csvPath, 'utf8'));
const rng = mulberry32(SEED);
const columns = [...PLATFORM_FEATURES.map((f) => f.name), 'default'];
const rows: (number | string | null)[][] = [];
for (let i = 0; i < nRows; i++) {
  const card = cards[i % cards.length]!;
  const { behaviour, label } = generateDemoBehaviour(card, rng, AS_OF);
  const f = platformFeatures(behaviour, AS_OF);
  rows.push([...PLATFORM_FEATURES.map((p) => f[p.name] ?? null), label]);
}
const data: Dataset = { columns, rows };

const monotonic: NonNullable<TrainOptions['monotonic']> = {};
for (const f of PLATFORM_FEATURES) if (f.monotonic !== 'none') monotonic[f.name] = f.monotonic;
const opts: TrainOptions = {
  label: 'default',
  monotonic,
  derive: false,
  version: flag('--version', 'platform-v1'),
  interactions: Number(flag('--interactions', '0')),
  createdAt: '2026-11-01T00:00:00.000Z',
};

const quick = opt.quick === true;
if (!quick) {
  const cv = crossValidate(data, opts, 5, 1);
  console.log(
    `rows ${rows.length}, bad rate ${(rows.filter((r) => r.at(-1) === 1).length / rows.length).toFixed(4)}`,
  );
  console.log(
    `5-fold CV AUC ${cv.mean.toFixed(4)} ± ${cv.std.toFixed(4)}  [${cv.aucs.map((a) => a.toFixed(4)).join(', ')}]`,
  );

  // deterministic 75/25 split for a holdout figure
  const split = mulberry32(7);
  const trainIdx: number[] = [];
  const testIdx: number[] = [];
  rows.forEach((_, i) => (split() < 0.75 ? trainIdx : testIdx).push(i));
  const holdModel = trainScorecard(selectRows(data, trainIdx), opts);
  const hold = evaluate(holdModel, selectRows(data, testIdx), 'default');
  console.log(
    `holdout (25 %, ${testIdx.length} rows) AUC ${hold.auc.toFixed(4)}  KS ${hold.ks.toFixed(4)}  Gini ${hold.gini.toFixed(4)}`,
  );
}

const model = trainScorecard(data, opts);
const full = evaluate(model, data, 'default');
console.log(
  `final model: ${model.features.length} features [${model.features.map((f) => f.name).join(', ')}]; training AUC ${full.auc.toFixed(4)}`,
);
console.log(`grade bands: ${JSON.stringify(model.gradeBands)}`);
writeFileSync(out, `${JSON.stringify(model, null, 1)}\n`);
console.log(`wrote ${out}`);
