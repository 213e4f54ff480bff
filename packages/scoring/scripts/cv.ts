/**
 * Cross-validated AUC on the two development data sets: `pnpm cv` (tsx scripts/cv.ts [card|german]).
 * Data: the development sets committed in `data/`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crossValidate, readCsvFile, type TrainOptions } from '../src/model/index.js';
import { CARD_OPTIONS, GERMAN_OPTIONS } from '../src/model/presets.js';

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(pkgDir, 'data');
const which = process.argv[2];
const extra: Partial<TrainOptions> = process.argv[3] ? JSON.parse(process.argv[3]) : {};

const sets: [string, string, TrainOptions][] = [
  ['card', 'credit-card-default/dev.csv', CARD_OPTIONS],
  ['german', 'german-credit/dev.csv', GERMAN_OPTIONS],
];
for (const [name, file, opts] of sets) {
  if (which && which !== name) continue;
  const data = readCsvFile(path.join(dataDir, file));
  const t0 = performance.now();
  const r = crossValidate(data, { ...opts, ...extra }, 5, 1);
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `${name}: 5-fold CV AUC ${r.mean.toFixed(4)} ± ${r.std.toFixed(4)} (folds ${r.aucs.map((a) => a.toFixed(4)).join(', ')}) in ${s} s`,
  );
}
