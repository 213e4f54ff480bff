import { describe, expect, it } from 'vitest';
import { defaultPolicy, gradeOf, type Grade, type LimitPolicy } from '../policy.js';
import { reviewLimit, type LimitProposal } from '../limits.js';
import { quoteInstallments, type Term } from '../../pricing/pricing.js';

// Type-level tests: these lines must fail to compile (checked by `tsc --noEmit`).
describe('types', () => {
  it('rejects wrong grades, terms, review kinds and policy shapes at compile time', () => {
    // @ts-expect-error 'F' is not a grade
    const g: Grade = 'F';
    // @ts-expect-error M18 is not a term
    const t: Term = 'M18';
    reviewLimit(
      {
        currentLimitFen: 0,
        usedFen: 0,
        score: 0,
        grade: 'A',
        probabilityOfDefault: 0,
        incomeBand: 'LOW',
        maxDaysPastDue: 0,
        monthsOnBook: 0,
        // @ts-expect-error a review kind is PERIODIC or TRIGGERED
        kind: 'MONTHLY',
      },
      defaultPolicy,
    );
    // @ts-expect-error the cap is a number of fen, not a string
    const p: LimitPolicy = { ...defaultPolicy, capFen: '50000' };
    // @ts-expect-error an action is one of four
    const a: LimitProposal['action'] = 'RAISE';
    expect([g, t, p.version, a]).toHaveLength(4);
    expect(gradeOf(0, defaultPolicy)).toBe('E');
    expect(
      quoteInstallments({ principalFen: 1, grade: 'A', firstDueDate: new Date(0) }, defaultPolicy),
    ).toEqual(
      quoteInstallments({ principalFen: 1, grade: 'A', firstDueDate: new Date(0) }, defaultPolicy),
    );
  });
});
