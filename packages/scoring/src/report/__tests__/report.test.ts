import { describe, expect, it } from 'vitest';
import { selectRows, trainScorecard, type Dataset } from '../../model/index.js';
import { GERMAN_OPTIONS } from '../../model/presets.js';
import { german } from '../../model/__tests__/helpers.js';
import { defaultPolicy } from '../../policy/policy.js';
import {
  adverseActionFor,
  adverseActions,
  disparateImpact,
  monitorReport,
  renderHtml,
  renderMarkdown,
  renderMonitorMarkdown,
  scorecardReport,
} from '../index.js';

const opts = { ...GERMAN_OPTIONS, createdAt: '1970-01-01T00:00:00.000Z' };
const data = german();
const model = trainScorecard(data, opts);

const col = (d: Dataset, name: string) => d.columns.indexOf(name);

describe('scorecard report on the German dev data', () => {
  const r = scorecardReport(model, data);

  it('binning tables count every row, and on the training rows reproduce the training IV', () => {
    for (const f of r.features) {
      expect(f.bins.reduce((s, b) => s + b.count, 0)).toBe(700);
      expect(f.bins.reduce((s, b) => s + b.bads, 0)).toBe(210);
      expect(f.iv).toBeCloseTo(f.trainingIv, 4);
      for (const b of f.bins) expect(b.goods + b.bads).toBe(b.count);
    }
    expect(r.auc).toBeCloseTo(model.stats.auc, 5);
  });

  it('lists every candidate with its IV and why it was kept or dropped', () => {
    expect(r.candidates.length).toBe(model.stats.candidates + 3);
    const age = r.candidates.find((c) => c.feature === 'age_years')!;
    expect(age).toMatchObject({ kept: false, reason: 'protected attribute (fair lending)' });
    const minIv = GERMAN_OPTIONS.minIv!;
    const low = r.candidates.filter((c) => !c.kept && c.reason.endsWith(`< ${minIv}`));
    expect(low.length).toBeGreaterThan(0);
    for (const c of low) expect(c.iv!).toBeLessThan(minIv);
    expect(r.warnings[0]).toMatch(/personal_status_sex, age_years, foreign_worker/);
  });

  it('gives VIF ≥ 1, a symmetric correlation matrix, and a gains table whose KS matches', () => {
    for (const v of r.vif) expect(v.vif).toBeGreaterThanOrEqual(1);
    const m = r.correlation.matrix;
    m.forEach((row, i) => {
      expect(row[i]).toBeCloseTo(1, 6);
      row.forEach((v, j) => expect(v).toBe(m[j][i]));
    });
    expect(r.gains).toHaveLength(10);
    expect(r.gains[9].cumBadShare).toBe(1);
    expect(r.gains[0].badRate).toBeGreaterThan(r.gains[9].badRate);
    expect(Math.max(...r.gains.map((g) => g.ks))).toBeLessThanOrEqual(r.ks + 1e-9);
    expect(r.roc[0]).toEqual({ fpr: 0, tpr: 0 });
    expect(r.roc[r.roc.length - 1]).toEqual({ fpr: 1, tpr: 1 });
  });

  it('renders Markdown and a self-contained HTML page with three charts', () => {
    const md = renderMarkdown(r);
    expect(md).toMatch(/## Binning tables/);
    expect(md).toMatch(/\| checking_account_status \| 0\.78\d\d \| yes \| kept \|/);
    const html = renderHtml(r);
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).not.toMatch(/<script/);
  });
});

describe('training options', () => {
  it('user-set breaks are the bins exactly', () => {
    const m = trainScorecard(data, { ...opts, breaks: { duration_months: [12, 24, 36] } });
    const f = m.features.find((x) => x.name === 'duration_months')!;
    expect(f.bins.filter((b) => !b.isMissing).map((b) => b.label)).toEqual([
      '[-inf, 12)',
      '[12, 24)',
      '[24, 36)',
      '[36, inf)',
    ]);
  });

  it('a monotonic direction per feature is honoured', () => {
    const m = trainScorecard(data, { ...opts, monotonic: { credit_amount: 'increasing' } });
    const rates = m.features
      .find((x) => x.name === 'credit_amount')!
      .bins.filter((b) => !b.isMissing)
      .map((b) => b.badRate);
    for (let i = 1; i < rates.length; i++) expect(rates[i]).toBeGreaterThanOrEqual(rates[i - 1]);
  });

  it('sample weights: equal weights change nothing, heavier bads raise the bad rate', () => {
    const withW = (w: (bad: boolean) => number): Dataset => {
      const y = col(data, 'default');
      return {
        columns: [...data.columns, 'w'],
        rows: data.rows.map((r) => [...r, w(r[y] === 1)]),
      };
    };
    const plain = trainScorecard(data, opts);
    const twice = trainScorecard(
      withW(() => 2),
      { ...opts, weight: 'w' },
    );
    // The L2 penalty is not scaled with the weights, so points may move by a rounding step.
    expect(twice.features.map((f) => f.name)).toEqual(plain.features.map((f) => f.name));
    expect(twice.stats.weight).toBe('w');
    const heavy = trainScorecard(
      withW((bad) => (bad ? 3 : 1)),
      { ...opts, weight: 'w' },
    );
    expect(heavy.intercept).toBeGreaterThan(plain.intercept);
    expect(() =>
      trainScorecard(
        withW(() => -1),
        { ...opts, weight: 'w' },
      ),
    ).toThrow(/column "w" row 1: weight -1 is not a number ≥ 0/);
  });

  it('protected attributes are left out by default, with a warning, and used only when allowed', () => {
    expect(model.features.map((f) => f.name)).not.toContain('age_years');
    expect(model.stats.warnings).toHaveLength(1);
    const allowed = trainScorecard(data, { ...opts, allowProtected: true });
    expect(Object.keys(allowed.stats.candidateIv!)).toContain('age_years');
    expect(allowed.stats.warnings).toBeUndefined();
  });
});

describe('monitor: PSI of the score and CSI per feature', () => {
  const idx = (p: (i: number) => boolean) => data.rows.map((_, i) => i).filter(p);
  it('two halves of one sample are stable; a sample of one checking status has shifted', () => {
    const even = selectRows(
      data,
      idx((i) => i % 2 === 0),
    );
    const odd = selectRows(
      data,
      idx((i) => i % 2 === 1),
    );
    const same = monitorReport(model, even, odd);
    expect(same.score.status).toBe('STABLE');
    expect(same.warnings[0]).toMatch(/fewer than 500 rows/);
    const c = col(data, 'checking_account_status');
    const a11 = selectRows(
      data,
      idx((i) => data.rows[i][c] === 'A11'),
    );
    const moved = monitorReport(model, data, a11);
    expect(moved.score.status).toBe('SHIFT');
    expect(moved.features[0]).toMatchObject({
      feature: 'checking_account_status',
      status: 'SHIFT',
    });
    const shares = moved.score.bins.reduce((s, b) => s + b.currentShare, 0);
    expect(shares).toBeCloseTo(1, 5);
    expect(renderMonitorMarkdown(moved)).toMatch(/## Score PSI: \d\.\d{4} \(SHIFT\)/);
  });
});

describe('fair lending', () => {
  it('disparate impact by group: ratios against the most approved group, four-fifths flag', () => {
    const r = disparateImpact(
      model,
      data,
      { attribute: 'age_years', cuts: [25, 35, 50] },
      defaultPolicy,
    );
    expect(r.groups.map((g) => g.group)).toEqual(['25–34', '35–49', '< 25', '≥ 50']);
    expect(r.groups.reduce((s, g) => s + g.rows, 0)).toBe(700);
    const ref = r.groups.find((g) => g.group === r.reference)!;
    expect(ref.approvalRatio).toBe(1);
    for (const g of r.groups) {
      expect(g.flagged).toBe(g.approvalRatio < 0.8 || g.limitRatio < 0.8);
      expect(g.approvalRatio).toBeLessThanOrEqual(1);
    }
  });

  it('maps reason codes to the documented adverse-action list', () => {
    expect(adverseActionFor('PAY_0')).toBe('AA01');
    expect(adverseActionFor('worstDaysPastDue6m')).toBe('AA01');
    expect(adverseActionFor('pay_ratio_2')).toBe('AA02');
    expect(adverseActionFor('utilisation')).toBe('AA03');
    expect(adverseActionFor('accountAgeMonths')).toBe('AA04');
    expect(adverseActionFor('inquiries3m')).toBe('AA05');
    expect(adverseActionFor('debtToIncome')).toBe('AA06');
    expect(adverseActionFor('verificationScore')).toBe('AA08');
    expect(adverseActionFor('savings_account')).toBe('AA09');
    expect(adverseActionFor('something_else')).toBe('AA10');
    const aa = adverseActions([
      { code: 'RC_PAY_0', feature: 'PAY_0', pointsLost: 30, value: 2, bin: '[2, inf)' },
      { code: 'RC_PAY_2', feature: 'PAY_2', pointsLost: 10, value: 2, bin: '[2, inf)' },
      { code: 'RC_UTIL', feature: 'utilisation', pointsLost: 5, value: 0.9, bin: '[0.8, inf)' },
    ]);
    expect(aa.map((a) => a.code)).toEqual(['AA01', 'AA03']);
  });
});
