import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { platformFeatures } from '../../features/platform-features.js';
import { generateDemoBehaviour, mulberry32, parseCardCsv } from '../demo-population.js';

const csv = readFileSync(
  new URL('../../../data/credit-card-default/dev.csv', import.meta.url),
  'utf8',
);
const asOf = new Date('2026-11-01T00:00:00Z');

describe('demo population', () => {
  const rows = parseCardCsv(csv.split('\n').slice(0, 2001).join('\n'));
  it('parses the card rows', () => {
    expect(rows.length).toBe(2000);
    expect(rows[0]).toMatchObject({ LIMIT_BAL: 20000, PAY_0: 2, default: 1 });
  });
  it('is deterministic for a seed and has no event after asOf', () => {
    const a = generateDemoBehaviour(rows[1]!, mulberry32(7), asOf);
    const b = generateDemoBehaviour(rows[1]!, mulberry32(7), asOf);
    expect(a).toEqual(b);
    expect(a.label).toBe(1);
    const t = asOf.getTime();
    let withBills = 0;
    for (const r of rows.slice(0, 200)) {
      const { behaviour } = generateDemoBehaviour(r, mulberry32(r.ID!), asOf);
      if (behaviour.repayments.length > 0) withBills++; // rows with no bills at all (status -2, zero amounts) have none
      for (const o of behaviour.orders) expect(o.placedAt.getTime()).toBeLessThanOrEqual(t);
      for (const p of behaviour.repayments)
        if (p.paidAt) expect(p.paidAt.getTime()).toBeLessThanOrEqual(t);
    }
    expect(withBills).toBeGreaterThan(180);
  });
  it('defaulters look riskier on average (repayments, bureau)', () => {
    const rng = mulberry32(1);
    const acc = { 0: { n: 0, dpd: 0, bureau: 0 }, 1: { n: 0, dpd: 0, bureau: 0 } };
    for (const r of rows) {
      const { behaviour, label } = generateDemoBehaviour(r, rng, asOf);
      const f = platformFeatures(behaviour, asOf);
      acc[label].n++;
      acc[label].dpd += Number(f.worstDaysPastDue6m ?? 0);
      acc[label].bureau += Number(f.bureauScore ?? 700);
    }
    expect(acc[1].dpd / acc[1].n).toBeGreaterThan(acc[0].dpd / acc[0].n);
    expect(acc[1].bureau / acc[1].n).toBeLessThan(acc[0].bureau / acc[0].n);
  });
});
