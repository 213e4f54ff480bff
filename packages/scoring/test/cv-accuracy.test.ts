/**
 * Held-out accuracy (issue 16 item 5): 5-fold stratified cross-validation on the dev data only,
 * fixed seed, with the shipped presets — every fold's model (its binning, feature selection and
 * its pairwise interaction terms) is chosen on the four training folds and scored on the fifth.
 * The thresholds are the figures measured at 0.4.0 minus a little slack for floating-point
 * differences across platforms; a change that loses accuracy fails here.
 */
import { describe, expect, it } from 'vitest';
import { crossValidate, readCsvFile } from '../src/model/index.js';
import { CARD_OPTIONS, GERMAN_OPTIONS } from '../src/model/presets.js';
import { cardCsv, germanCsv } from '../src/model/__tests__/helpers.js';

describe('5-fold cross-validated AUC on the dev data (seed 1)', () => {
  it('card default: ≥ 0.779 (measured 0.7792 in 0.4.0–0.6.0; the issue’s target 0.790 is not reached)', () => {
    const r = crossValidate(readCsvFile(cardCsv), CARD_OPTIONS, 5, 1);
    expect(r.aucs).toHaveLength(5);
    expect(r.mean).toBeGreaterThanOrEqual(0.779);
    // Five trainings on 16,800 rows: ~40 s alone, 200 s at load 15–20 on a shared 2-core machine.
  }, 600_000);

  it('card default, EBM trainer (method: ebm, 4 bags, learning rate 0.05, 10 pairs, 128 pre-bins, WOE order): ≥ 0.780 (measured 0.7811 in 0.7.0)', () => {
    const r = crossValidate(
      readCsvFile(cardCsv),
      {
        ...CARD_OPTIONS,
        method: 'ebm',
        ebm: {
          bags: 4,
          learningRate: 0.05,
          interactions: 10,
          bins: 128,
          monotone: 'woe',
        },
      },
      5,
      1,
    );
    expect(r.mean).toBeGreaterThanOrEqual(0.78);
    // ~100 s alone, 200–300 s at load 10 on a shared 2-core machine.
  }, 900_000);

  it('German credit: ≥ 0.77 (the issue’s target)', () => {
    const r = crossValidate(readCsvFile(germanCsv), GERMAN_OPTIONS, 5, 1);
    expect(r.mean).toBeGreaterThanOrEqual(0.77);
  });
});
