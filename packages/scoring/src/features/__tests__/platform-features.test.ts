import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  PLATFORM_FEATURES,
  platformFeatures,
  type CustomerBehaviour,
} from '../platform-features.js';

const asOf = new Date('2026-11-01T00:00:00Z');
const T = asOf.getTime();
const DAY = 86_400_000;
const dateArb = (minDays: number, maxDays: number) =>
  fc.integer({ min: minDays, max: maxDays }).map((d) => new Date(T + d * DAY));

const repaymentArb = fc
  .record({
    dueDate: dateArb(-800, 100),
    amountDueFen: fc.integer({ min: 0, max: 500_000 }),
    paidAfter: fc.option(fc.integer({ min: -5, max: 120 })),
    part: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ dueDate, amountDueFen, paidAfter, part }) => {
    const paidAt = paidAfter === null ? null : new Date(dueDate.getTime() + paidAfter * DAY);
    return {
      dueDate,
      amountDueFen,
      amountPaidFen: paidAt ? Math.round(amountDueFen * (part > 0.2 ? 1 : part)) : 0,
      paidAt,
      daysPastDue: Math.max(0, paidAfter ?? 0),
    };
  });

const behaviourArb: fc.Arbitrary<CustomerBehaviour> = fc.record({
  registeredAt: dateArb(-2000, -1),
  verification: fc.record({
    realName: fc.boolean(),
    phoneBound: fc.boolean(),
    bankCardBound: fc.boolean(),
  }),
  incomeBand: fc.constantFrom(
    'LOW' as const,
    'MID' as const,
    'HIGH' as const,
    'VERY_HIGH' as const,
  ),
  orders: fc.array(
    fc.record({
      placedAt: dateArb(-500, 60),
      amountFen: fc.integer({ min: 1, max: 1_000_000 }),
      category: fc.constantFrom('digital', 'food', 'home', 'travel'),
      status: fc.constantFrom(
        'PENDING' as const,
        'DELIVERED' as const,
        'RETURNED' as const,
        'CANCELLED' as const,
      ),
    }),
    { maxLength: 20 },
  ),
  reviews: fc.array(
    fc.record({ createdAt: dateArb(-500, 60), rating: fc.integer({ min: 1, max: 5 }) }),
    { maxLength: 10 },
  ),
  repayments: fc.array(repaymentArb, { maxLength: 24 }),
  bureau: fc.option(
    fc.record({
      reportedAt: dateArb(-200, 30),
      bureauScore: fc.integer({ min: 350, max: 950 }),
      inquiries3m: fc.nat(10),
      inquiries6m: fc.nat(20),
      otherDebtFen: fc.nat(10_000_000),
      pastDefaults: fc.nat(3),
    }),
  ),
});

describe('platformFeatures', () => {
  it('computes every PLATFORM_FEATURES entry and nothing else', () => {
    fc.assert(
      fc.property(behaviourArb, (b) => {
        expect(Object.keys(platformFeatures(b, asOf)).sort()).toEqual(
          PLATFORM_FEATURES.map((f) => f.name).sort(),
        );
      }),
      { numRuns: 50 },
    );
  });

  it('property: no look-ahead — events after asOf change nothing', () => {
    const futureArb = fc.oneof(
      fc.record({
        kind: fc.constant('order' as const),
        days: fc.integer({ min: 1, max: 300 }),
        amount: fc.integer({ min: 1, max: 100_000 }),
      }),
      fc.record({
        kind: fc.constant('review' as const),
        days: fc.integer({ min: 1, max: 300 }),
        amount: fc.integer({ min: 1, max: 5 }),
      }),
      fc.record({
        kind: fc.constant('bill' as const),
        days: fc.integer({ min: 1, max: 300 }),
        amount: fc.integer({ min: 1, max: 100_000 }),
      }),
      fc.record({
        kind: fc.constant('payLate' as const),
        days: fc.integer({ min: 1, max: 300 }),
        amount: fc.nat(),
      }),
      fc.record({
        kind: fc.constant('bureau' as const),
        days: fc.integer({ min: 1, max: 300 }),
        amount: fc.nat(10),
      }),
    );
    fc.assert(
      fc.property(behaviourArb, futureArb, (b, ev) => {
        const before = platformFeatures(b, asOf);
        const at = new Date(T + ev.days * DAY);
        const after: CustomerBehaviour = structuredClone(b);
        if (ev.kind === 'order')
          after.orders.push({
            placedAt: at,
            amountFen: ev.amount,
            category: 'new-category',
            status: 'RETURNED',
          });
        if (ev.kind === 'review') after.reviews.push({ createdAt: at, rating: ev.amount });
        if (ev.kind === 'bill')
          after.repayments.push({
            dueDate: at,
            amountDueFen: ev.amount,
            amountPaidFen: 0,
            paidAt: null,
            daysPastDue: 0,
          });
        // one report per customer: a report after asOf can only be added where there was none
        if (ev.kind === 'bureau' && after.bureau === null)
          after.bureau = {
            reportedAt: at,
            bureauScore: 400,
            inquiries3m: ev.amount,
            inquiries6m: ev.amount,
            otherDebtFen: 1e7,
            pastDefaults: 3,
          };
        if (ev.kind === 'payLate') {
          // an unpaid bill that is paid after asOf: still unpaid as of asOf
          const open = after.repayments.filter((r) => r.paidAt === null);
          if (open.length === 0) return;
          const r = open[ev.amount % open.length]!;
          r.paidAt = new Date(Math.max(at.getTime(), r.dueDate.getTime()));
          r.amountPaidFen = r.amountDueFen;
          r.daysPastDue = Math.floor((r.paidAt.getTime() - r.dueDate.getTime()) / DAY);
        }
        expect(platformFeatures(after, asOf)).toEqual(before);
      }),
    );
  });

  it('a bill due before asOf and paid after it counts as unpaid and late', () => {
    const b: CustomerBehaviour = {
      registeredAt: new Date('2025-01-01T00:00:00Z'),
      verification: { realName: true, phoneBound: true, bankCardBound: false },
      incomeBand: 'MID',
      orders: [],
      reviews: [],
      repayments: [
        {
          dueDate: new Date('2026-10-22T00:00:00Z'),
          amountDueFen: 10_000,
          amountPaidFen: 10_000,
          paidAt: new Date('2026-11-05T00:00:00Z'),
          daysPastDue: 14,
        },
      ],
      bureau: {
        reportedAt: new Date('2026-10-01T00:00:00Z'),
        bureauScore: 700,
        inquiries3m: 1,
        inquiries6m: 2,
        otherDebtFen: 960_000,
        pastDefaults: 0,
      },
    };
    const f = platformFeatures(b, asOf);
    expect(f).toMatchObject({
      worstDaysPastDue6m: 10,
      lateCount12m: 1,
      onTimeRatio12m: 0,
      paymentRatio: 0,
      verificationScore: 2,
      debtToIncome: 0.1,
      utilisation: null,
      accountAgeMonths: 22,
    });
  });

  it('is fast: 100k customers with a year of history in well under a few seconds', () => {
    const b: CustomerBehaviour = {
      registeredAt: new Date('2024-01-01T00:00:00Z'),
      verification: { realName: true, phoneBound: true, bankCardBound: true },
      incomeBand: 'HIGH',
      orders: Array.from({ length: 20 }, (_, i) => ({
        placedAt: new Date(T - i * 15 * DAY),
        amountFen: 10_000 + i,
        category: `c${i % 4}`,
        status: 'DELIVERED' as const,
      })),
      reviews: Array.from({ length: 5 }, (_, i) => ({
        createdAt: new Date(T - i * 30 * DAY),
        rating: 4,
      })),
      repayments: Array.from({ length: 12 }, (_, i) => ({
        dueDate: new Date(T - (i + 1) * 30 * DAY),
        amountDueFen: 50_000,
        amountPaidFen: 50_000,
        paidAt: new Date(T - (i + 1) * 30 * DAY),
        daysPastDue: 0,
      })),
      bureau: null,
      account: {
        baseLimitFen: 1_000_000,
        usedFen: 250_000,
        openedAt: new Date('2024-02-01T00:00:00Z'),
      },
    };
    const t0 = performance.now();
    for (let i = 0; i < 100_000; i++) platformFeatures(b, asOf);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(10_000); // measured ≈ 0.3–1 s; 1M accounts ≈ 10 s of CPU
  });
});
