import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCsvFile, selectRows, type Dataset } from '../index.js';

export const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The development data committed in the package (`data/`, see its README). */
export const dataDir = path.join(pkgDir, 'data');
export const cardCsv = path.join(dataDir, 'credit-card-default/dev.csv');
export const germanCsv = path.join(dataDir, 'german-credit/dev.csv');

let card: Dataset | undefined;
/** Every `step`-th row of the card data (deterministic subsample). */
export function cardSample(step = 7): Dataset {
  card ??= readCsvFile(cardCsv);
  const idx: number[] = [];
  for (let i = 0; i < card.rows.length; i += step) idx.push(i);
  return selectRows(card, idx);
}

export function german(): Dataset {
  return readCsvFile(germanCsv);
}
