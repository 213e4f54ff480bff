/**
 * Held-out log-odds of bad for every row of the card development set, from the same 5-fold CV as
 * `scripts/cv.ts` (stratified, seed 1; each fold's model trained on the other four), one number a
 * line in row order — for blending the points table with another model on the very same folds
 * (`scripts/model-families.py --scorecard FILE`).
 *
 *     tsx scripts/cv-scores.ts [JSON options over CARD_OPTIONS] > scores.txt
 *
 * The log-odds are the score's own: ln(PD / (1 − PD)) with PD = `probabilityFromScore`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { labelColumn, selectRows } from '../src/model/csv.js';
import {
  probabilityFromScore,
  readCsvFile,
  scoreDataset,
  stratifiedFolds,
  trainScorecard,
  type TrainOptions,
} from '../src/model/index.js';
import { CARD_OPTIONS } from '../src/model/presets.js';

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const data = readCsvFile(path.join(pkgDir, 'data', 'credit-card-default/dev.csv'));
const extra: Partial<TrainOptions> = process.argv[2] ? JSON.parse(process.argv[2]) : {};
const opts: TrainOptions = { ...CARD_OPTIONS, ...extra, createdAt: '1970-01-01T00:00:00.000Z' };
const fold = stratifiedFolds(labelColumn(data, opts.label), 5, 1);
const out = new Float64Array(data.rows.length);
for (let f = 0; f < 5; f++) {
  const tr: number[] = [];
  const te: number[] = [];
  for (let i = 0; i < fold.length; i++) (fold[i] === f ? te : tr).push(i);
  const model = trainScorecard(selectRows(data, tr), opts);
  const scores = scoreDataset(model, selectRows(data, te));
  te.forEach((row, j) => {
    const pd = probabilityFromScore(model, scores[j]);
    out[row] = Math.log(pd / (1 - pd));
  });
  process.stderr.write(`fold ${f} done\n`);
}
process.stdout.write(Array.from(out, (v) => v.toPrecision(10)).join('\n') + '\n');
