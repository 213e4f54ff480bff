import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCsvFile, selectRows, type Dataset } from '../index.js';
import { rng } from '../evaluate.js';

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

/**
 * Synthetic labelled rows, seeded: each row draws x1 (0…100), x2 (0…50), a level a/b/c of the
 * categorical column `level`, then the `extra` columns in order; it is bad with probability
 * 1 / (1 + e^−eta) of those values, and x2 is missing in 5 % of the rows. Columns: id, x1, x2,
 * `level`, the extra ones, bad.
 */
export function syntheticData(
  n: number,
  seed: number,
  spec: {
    level: string;
    extra?: { name: string; draw: (r: () => number) => number }[];
    eta: (x1: number, x2: number, level: string, extra: number[]) => number;
  },
): Dataset {
  const r = rng(seed);
  const extra = spec.extra ?? [];
  const rows: (string | number | null)[][] = [];
  for (let i = 0; i < n; i++) {
    const x1 = Math.round(r() * 100);
    const x2 = Math.round(r() * 50);
    const lvl = ['a', 'b', 'c'][Math.floor(r() * 3)];
    const xs = extra.map((e) => e.draw(r));
    const y = r() < 1 / (1 + Math.exp(-spec.eta(x1, x2, lvl, xs))) ? 1 : 0;
    rows.push([i + 1, x1, r() < 0.05 ? null : x2, lvl, ...xs, y]);
  }
  return { columns: ['id', 'x1', 'x2', spec.level, ...extra.map((e) => e.name), 'bad'], rows };
}
