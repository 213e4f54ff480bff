import { describe, expect, it } from 'vitest';
import { auc, gainsTable, gini, ks, psi } from '../index.js';

describe('metrics', () => {
  it('AUC on known examples (higher = riskier), ties count ½', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 12);
    expect(auc([1, 2, 3, 4], [0, 0, 1, 1])).toBe(1);
    expect(auc([4, 3, 2, 1], [0, 0, 1, 1])).toBe(0);
    expect(auc([1, 1, 1, 1], [0, 1, 0, 1])).toBe(0.5);
    expect(auc([1, 2], [1, 1])).toBeNaN();
    expect(gini(0.75)).toBeCloseTo(0.5, 12);
  });

  it('KS on known examples', () => {
    expect(ks([1, 2, 3, 4], [0, 0, 1, 1])).toBe(1);
    expect(ks([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.5, 12);
    expect(ks([1, 1, 1, 1], [0, 1, 0, 1])).toBe(0);
  });

  it('gains table: riskiest band first, cumulative bad share reaches 1', () => {
    const risk = Array.from({ length: 100 }, (_, i) => i);
    const y = risk.map((r) => (r >= 80 ? 1 : 0));
    const g = gainsTable(risk, y, 10);
    expect(g).toHaveLength(10);
    expect(g[0]).toEqual({ band: 1, rows: 10, bads: 10, badRate: 1, cumBadShare: 0.5 });
    expect(g[1].cumBadShare).toBe(1);
    expect(g.reduce((s, b) => s + b.rows, 0)).toBe(100);
  });

  it('PSI: ~0 for the same distribution, large for a shifted one, warning on small samples', () => {
    const a = Array.from({ length: 1000 }, (_, i) => i);
    expect(psi(a, a).psi).toBeCloseTo(0, 10);
    expect(psi(a, a).warning).toBeUndefined();
    const shifted = a.map((v) => v + 500);
    expect(psi(a, shifted).psi).toBeGreaterThan(0.25);
    const small = psi(a.slice(0, 100), a.slice(0, 100));
    expect(small.warning).toMatch(/fewer than 500/);
  });
});
