import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binCategorical, binNumeric, woe, type BinningOptions } from '../binning.js';

const opts = (o: Partial<BinningOptions> = {}): BinningOptions => ({
  minBinShare: 0.05,
  maxBins: 8,
  mergeChi2: 0,
  preBins: 20,
  turnGain: Infinity,
  monotonic: 'auto',
  ...o,
});

const rows = fc.array(
  fc.tuple(fc.option(fc.integer({ min: -50, max: 50 }), { nil: null, freq: 10 }), fc.boolean()),
  {
    minLength: 20,
    maxLength: 300,
  },
);

function split(data: [number | null, boolean][]) {
  const x = Float64Array.from(data, ([v]) => (v === null ? NaN : v));
  const y = Uint8Array.from(data, ([, b]) => (b ? 1 : 0));
  return { x, y };
}

describe('numeric binning', () => {
  it('bins cover every value: contiguous from -inf to +inf, counts add up', () => {
    fc.assert(
      fc.property(
        rows,
        fc.constantFrom('auto', 'increasing', 'decreasing', 'none') as fc.Arbitrary<
          BinningOptions['monotonic']
        >,
        (data, mono) => {
          const { x, y } = split(data);
          const { groups, missing } = binNumeric(x, y, false, opts({ monotonic: mono }));
          const nonMissing = data.filter(([v]) => v !== null).length;
          expect(missing.good + missing.bad).toBe(data.length - nonMissing);
          if (nonMissing === 0) return expect(groups).toHaveLength(0);
          expect(groups[0].lo).toBe(-Infinity);
          expect(groups[groups.length - 1].hi).toBe(Infinity);
          for (let i = 1; i < groups.length; i++) expect(groups[i].lo).toBe(groups[i - 1].hi);
          expect(groups.reduce((s, g) => s + g.good + g.bad, 0)).toBe(nonMissing);
          // every value falls in exactly the bin whose counts include it
          for (const [v] of data)
            if (v !== null) expect(groups.filter((g) => v >= g.lo && v < g.hi)).toHaveLength(1);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('monotonic bins have monotone bad rates', () => {
    fc.assert(
      fc.property(
        rows,
        fc.constantFrom('increasing', 'decreasing') as fc.Arbitrary<'increasing' | 'decreasing'>,
        (data, mono) => {
          const { x, y } = split(data);
          const { groups } = binNumeric(x, y, false, opts({ monotonic: mono }));
          const r = groups.map((g) => g.bad / (g.good + g.bad));
          for (let i = 1; i < r.length; i++) {
            if (mono === 'increasing') expect(r[i]).toBeGreaterThanOrEqual(r[i - 1]);
            else expect(r[i]).toBeLessThanOrEqual(r[i - 1]);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('every bin holds at least minBinShare of the non-missing rows (when there are ≥ 2 bins)', () => {
    fc.assert(
      fc.property(rows, fc.double({ min: 0.01, max: 0.4, noNaN: true }), (data, share) => {
        const { x, y } = split(data);
        const { groups } = binNumeric(x, y, false, opts({ minBinShare: share }));
        const m = data.filter(([v]) => v !== null).length;
        if (groups.length >= 2)
          for (const g of groups)
            expect(g.good + g.bad).toBeGreaterThanOrEqual(Math.ceil(share * m));
      }),
      { numRuns: 150 },
    );
  });

  it('ordinal codes keep their order and have at most one peak or valley', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -2, max: 8 }), fc.boolean()), {
          minLength: 30,
          maxLength: 300,
        }),
        (data) => {
          const x = Float64Array.from(data, ([v]) => v);
          const y = Uint8Array.from(data, ([, b]) => (b ? 1 : 0));
          const { groups } = binNumeric(x, y, true, opts({ monotonic: 'none' }));
          for (let i = 1; i < groups.length; i++)
            expect(groups[i].lo).toBeGreaterThan(groups[i - 1].lo);
          const r = groups.map((g) => g.bad / (g.good + g.bad));
          let turns = 0;
          let last = 0;
          for (let i = 1; i < r.length; i++) {
            const d = Math.sign(r[i] - r[i - 1]);
            if (d === 0) continue;
            if (last && d !== last) turns++;
            last = d;
          }
          expect(turns).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('categorical binning', () => {
  it('every level lands in exactly one bin; bins are ordered by bad rate', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', null), fc.boolean()), {
          minLength: 10,
          maxLength: 200,
        }),
        (data) => {
          const x = data.map(([v]) => v);
          const y = Uint8Array.from(data, ([, b]) => (b ? 1 : 0));
          const { groups } = binCategorical(x, y, opts());
          const levels = new Set(x.filter((v) => v !== null) as string[]);
          const all = groups.flatMap((g) => g.values);
          expect(new Set(all).size).toBe(all.length);
          expect(new Set(all)).toEqual(levels);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('WOE', () => {
  it('is ln(%good / %bad): positive for a safer-than-average bin, negative for a riskier one', () => {
    // 100 goods, 100 bads overall; a bin with 80 goods and 20 bads is safer.
    expect(woe(80, 20, 100, 100, 2)).toBeGreaterThan(0);
    expect(woe(20, 80, 100, 100, 2)).toBeLessThan(0);
    expect(woe(80, 20, 100, 100, 2)).toBeCloseTo(Math.log(80.5 / 101 / (20.5 / 101)), 10);
    expect(woe(0, 0, 100, 100, 2)).toBe(0);
  });
});
