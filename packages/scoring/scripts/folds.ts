/**
 * Writes the fold (0–4) of every row of a development set as `scripts/cv.ts` assigns it
 * (stratified, seed 1), one per line — for comparing another model on the very same folds
 * (`scripts/gbm-reference.py`). `tsx scripts/folds.ts [card|german] > folds.txt`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { labelColumn } from '../src/model/csv.js';
import { readCsvFile, stratifiedFolds } from '../src/model/index.js';

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = process.argv[2] === 'german' ? 'german-credit/dev.csv' : 'credit-card-default/dev.csv';
const data = readCsvFile(path.join(pkgDir, 'data', file));
const folds = stratifiedFolds(labelColumn(data, 'default'), 5, 1);
process.stdout.write(Array.from(folds).join('\n') + '\n');
