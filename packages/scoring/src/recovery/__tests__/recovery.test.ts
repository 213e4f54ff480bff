import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GRADES, INCOME_BANDS, defaultPolicy, type LimitPolicy } from '../../policy/policy.js';
import { evaluateRecovery, restorationStages } from '../recovery.js';

const inputArb = fc.record({
  type: fc.constantFrom('UNFREEZE' as const, 'RESTORE_REDUCTION' as const, 'INCREASE' as const),
  score: fc.integer({ min: 300, max: 900 }),
  grade: fc.constantFrom(...GRADES),
  probabilityOfDefault: fc.double({ min: 0, max: 1, noNaN: true }),
  currentLimitFen: fc.integer({ min: 0, max: 6_000_000 }),
  previousLimitFen: fc.integer({ min: 0, max: 6_000_000 }),
  requestedLimitFen: fc.option(fc.integer({ min: 0, max: 9_000_000 })),
  maxDaysPastDue: fc.integer({ min: 0, max: 200 }),
  overdueFen: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100_000 })),
  documentsCount: fc.nat(3),
  incomeBand: fc.constantFrom(...INCOME_BANDS),
});

describe('evaluateRecovery', () => {
  it('property: stages add up exactly to target − current; target within [current, max(current, cap)]; deterministic', () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 4 }),
        (input, share, later) => {
          const policy: LimitPolicy = {
            ...defaultPolicy,
            recovery: { ...defaultPolicy.recovery, immediateShareBp: share, laterStages: later },
          };
          const e = evaluateRecovery(input, policy);
          const cur = input.currentLimitFen;
          expect(e.stages.reduce((s, x) => s + x.amountFen, 0)).toBe(e.targetLimitFen - cur);
          expect(e.targetLimitFen).toBeGreaterThanOrEqual(cur);
          expect(e.targetLimitFen).toBeLessThanOrEqual(Math.max(cur, policy.capFen));
          for (const s of e.stages) expect(s.amountFen).toBeGreaterThan(0);
          expect(e.stages.map((s) => s.seq)).toEqual(e.stages.map((_, i) => i + 1));
          expect(evaluateRecovery(input, policy)).toEqual(e);
          if (e.outcome === 'REJECT') expect(e.stages).toEqual([]);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        (g) =>
          restorationStages(g, defaultPolicy).reduce((s, x) => s + x.amountFen, 0) ===
          Math.max(0, g),
      ),
    );
  });

  const base = {
    type: 'RESTORE_REDUCTION' as const,
    score: 700,
    grade: 'A' as const,
    probabilityOfDefault: 0.03,
    currentLimitFen: 600_000,
    previousLimitFen: 1_000_000,
    maxDaysPastDue: 0,
    overdueFen: 0,
    documentsCount: 0,
    incomeBand: 'MID' as const,
  };
  it('restores half now and half after two on-time repayments', () => {
    expect(evaluateRecovery(base, defaultPolicy)).toEqual({
      outcome: 'APPROVE',
      reasons: ['RECOVERY_GOOD_STANDING', 'RECOVERY_STAGED'],
      targetLimitFen: 1_000_000,
      stages: [
        { seq: 1, amountFen: 200_000, onTimeRepaymentsRequired: 0 },
        { seq: 2, amountFen: 200_000, onTimeRepaymentsRequired: 2 },
      ],
    });
  });
  it('never approves a written-off account automatically: a supervisor decides', () => {
    for (const type of ['UNFREEZE', 'RESTORE_REDUCTION', 'INCREASE'] as const)
      expect(
        evaluateRecovery(
          { ...base, type, requestedLimitFen: 1_200_000, documentsCount: 1, writtenOffFen: 45_450 },
          defaultPolicy,
        ),
      ).toMatchObject({
        outcome: 'ROUTE_TO_SUPERVISOR',
        reasons: expect.arrayContaining(['RECOVERY_WRITTEN_OFF']),
      });
    expect(evaluateRecovery({ ...base, writtenOffFen: 0 }, defaultPolicy).outcome).toBe('APPROVE');
  });
  it('rejects while overdue, asks for documents, routes risky customers to a supervisor', () => {
    expect(evaluateRecovery({ ...base, overdueFen: 1 }, defaultPolicy)).toMatchObject({
      outcome: 'REJECT',
      reasons: ['RECOVERY_STILL_OVERDUE'],
      targetLimitFen: 600_000,
    });
    expect(evaluateRecovery({ ...base, maxDaysPastDue: 91 }, defaultPolicy)).toMatchObject({
      outcome: 'REJECT',
      reasons: ['RECOVERY_SEVERE_DELINQUENCY'],
    });
    expect(evaluateRecovery({ ...base, type: 'INCREASE' }, defaultPolicy)).toMatchObject({
      outcome: 'NEED_DOCUMENTS',
      targetLimitFen: 720_000,
    });
    expect(
      evaluateRecovery(
        { ...base, type: 'INCREASE', documentsCount: 1, requestedLimitFen: 9_000_000 },
        defaultPolicy,
      ),
    ).toMatchObject({
      outcome: 'APPROVE',
      targetLimitFen: 2_500_000,
      reasons: ['RECOVERY_GOOD_STANDING', 'RECOVERY_TARGET_CAPPED', 'RECOVERY_STAGED'],
    });
    expect(evaluateRecovery({ ...base, grade: 'D' }, defaultPolicy)).toMatchObject({
      outcome: 'ROUTE_TO_SUPERVISOR',
    });
    expect(evaluateRecovery({ ...base, probabilityOfDefault: 0.5 }, defaultPolicy)).toMatchObject({
      outcome: 'ROUTE_TO_SUPERVISOR',
    });
    expect(evaluateRecovery({ ...base, previousLimitFen: 500_000 }, defaultPolicy)).toMatchObject({
      outcome: 'REJECT',
      reasons: ['RECOVERY_NOTHING_TO_RESTORE'],
    });
    expect(
      evaluateRecovery({ ...base, type: 'UNFREEZE', previousLimitFen: 600_000 }, defaultPolicy),
    ).toMatchObject({ outcome: 'APPROVE', stages: [] });
  });
});
