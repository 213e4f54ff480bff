/**
 * Documents from report objects: Markdown (tables) and a self-contained HTML page with inline
 * SVG charts (score distribution, ROC, gains). No dependencies, no scripts in the page.
 */
import type { MonitorReport } from './monitor.js';
import type { DisparateImpactReport } from './fairness.js';
import type { ScorecardReport } from './report.js';

const f4 = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : String(v));
const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

type Cell = string | number;
/** A table column: its heading and how a row fills it. */
interface Column<T> {
  head: string;
  cell: (row: T) => Cell;
}
/** A table as data; `markdownTable` and `htmlTable` write it. */
interface Table {
  head: string[];
  rows: Cell[][];
}

/** The one table builder: rows of any kind through their columns. */
function tableOf<T>(rows: readonly T[], columns: readonly Column<T>[]): Table {
  return { head: columns.map((c) => c.head), rows: rows.map((r) => columns.map((c) => c.cell(r))) };
}

/** A Markdown table; `|` inside a cell (categorical bins `A11|A12`, reasons `|corr|`) is escaped. */
function markdownTable(t: Table): string {
  const cell = (c: Cell) => String(c).replace(/\|/g, '\\|');
  return [
    `| ${t.head.map(cell).join(' | ')} |`,
    `|${t.head.map(() => '---').join('|')}|`,
    ...t.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

const CANDIDATE_COLUMNS: Column<ScorecardReport['candidates'][number]>[] = [
  { head: 'feature', cell: (c) => c.feature },
  { head: 'IV (training)', cell: (c) => (c.iv === null ? '—' : f4(c.iv)) },
  { head: 'kept', cell: (c) => (c.kept ? 'yes' : 'no') },
  { head: 'why', cell: (c) => c.reason },
];

const BIN_COLUMNS: Column<ScorecardReport['features'][number]['bins'][number]>[] = [
  { head: 'bin', cell: (b) => b.bin },
  { head: 'count', cell: (b) => b.count },
  { head: 'goods', cell: (b) => b.goods },
  { head: 'bads', cell: (b) => b.bads },
  { head: 'event rate', cell: (b) => pct(b.eventRate) },
  { head: 'WOE', cell: (b) => f4(b.woe) },
  { head: 'IV', cell: (b) => f4(b.iv) },
  { head: 'points', cell: (b) => b.points },
];

const GAINS_COLUMNS: Column<ScorecardReport['gains'][number]>[] = [
  { head: 'band', cell: (g) => g.band },
  { head: 'scores', cell: (g) => `${g.minScore}–${g.maxScore}` },
  { head: 'rows', cell: (g) => g.rows },
  { head: 'goods', cell: (g) => g.goods },
  { head: 'bads', cell: (g) => g.bads },
  { head: 'bad rate', cell: (g) => pct(g.badRate) },
  { head: 'cum. bads', cell: (g) => pct(g.cumBadShare) },
  { head: 'cum. goods', cell: (g) => pct(g.cumGoodShare) },
  { head: 'KS', cell: (g) => f4(g.ks) },
];

/** The scorecard report as Markdown. */
export function renderMarkdown(r: ScorecardReport): string {
  const out: string[] = [];
  out.push(`# Scorecard report — ${r.model.version}`);
  out.push(
    `${r.data.rows} rows, ${r.data.bads} bads (${pct(r.data.badRate)}); AUC **${f4(r.auc)}**, KS ${f4(r.ks)}, Gini ${f4(r.gini)}; ${r.model.features} features (trained on ${r.model.trainingRows} rows).`,
  );
  for (const w of r.warnings) out.push(`> **Warning:** ${w}`);
  out.push('## Information value of every candidate');
  out.push(markdownTable(tableOf(r.candidates, CANDIDATE_COLUMNS)));
  out.push('## Binning tables');
  for (const f of r.features) {
    out.push(`### ${f.feature}`);
    out.push(
      `${f.kind}; IV ${f4(f.iv)} on this data (${f4(f.trainingIv)} in training); coefficient ${f.coefficient}`,
    );
    out.push(markdownTable(tableOf(f.bins, BIN_COLUMNS)));
  }
  out.push('## Correlation (of WOE) and VIF of the kept features');
  const names = r.correlation.features;
  out.push(
    markdownTable(
      tableOf(
        names.map((name, i) => ({ name, i })),
        [
          { head: 'feature', cell: ({ name, i }) => `#${i + 1} ${name}` },
          { head: 'VIF', cell: ({ i }) => r.vif[i].vif },
          ...names.map((_, j) => ({
            head: `#${j + 1}`,
            cell: ({ i }: { i: number }) => r.correlation.matrix[i][j].toFixed(2),
          })),
        ],
      ),
    ),
  );
  out.push('## Gains and KS (riskiest band first)');
  out.push(markdownTable(tableOf(r.gains, GAINS_COLUMNS)));
  out.push('## Score distribution');
  out.push(
    markdownTable(
      tableOf(r.scoreDistribution, [
        { head: 'scores', cell: (b) => `${b.from}–${b.to - 1}` },
        { head: 'goods', cell: (b) => b.goods },
        { head: 'bads', cell: (b) => b.bads },
      ]),
    ),
  );
  return out.join('\n\n') + '\n';
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function htmlTable(t: Table): string {
  return `<table><thead><tr>${t.head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${t.rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(String(c))}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

const W = 360;
const H = 220;
const PAD = 30;

function axes(title: string): string {
  return `<text x="${W / 2}" y="14" text-anchor="middle" font-size="12">${esc(title)}</text><line x1="${PAD}" y1="${H - PAD}" x2="${W - 10}" y2="${H - PAD}" stroke="#333"/><line x1="${PAD}" y1="20" x2="${PAD}" y2="${H - PAD}" stroke="#333"/>`;
}

function histogramSvg(r: ScorecardReport): string {
  const bins = r.scoreDistribution;
  const max = Math.max(1, ...bins.map((b) => b.goods + b.bads));
  const bw = (W - PAD - 10) / Math.max(1, bins.length);
  const ph = H - PAD - 20;
  const bars = bins
    .map((b, i) => {
      const x = PAD + i * bw;
      const hg = (b.goods / max) * ph;
      const hb = (b.bads / max) * ph;
      return `<rect x="${x.toFixed(1)}" y="${(H - PAD - hg - hb).toFixed(1)}" width="${(bw - 1).toFixed(1)}" height="${hg.toFixed(1)}" fill="#4c78a8"><title>${b.from}–${b.to - 1}: ${b.goods} goods</title></rect><rect x="${x.toFixed(1)}" y="${(H - PAD - hb).toFixed(1)}" width="${(bw - 1).toFixed(1)}" height="${hb.toFixed(1)}" fill="#e45756"><title>${b.from}–${b.to - 1}: ${b.bads} bads</title></rect>`;
    })
    .join('');
  const first = bins[0]?.from ?? 0;
  const last = bins[bins.length - 1]?.to ?? 0;
  return `<svg role="img" aria-label="Score distribution" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${axes('Score distribution (blue goods, red bads)')}${bars}<text x="${PAD}" y="${H - 12}" font-size="10">${first}</text><text x="${W - 10}" y="${H - 12}" font-size="10" text-anchor="end">${last}</text></svg>`;
}

function lineSvg(title: string, pts: { x: number; y: number }[], label: string): string {
  const px = (x: number) => PAD + x * (W - PAD - 10);
  const py = (y: number) => H - PAD - y * (H - PAD - 20);
  const d = pts
    .map((p, i) => `${i ? 'L' : 'M'}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`)
    .join('');
  return `<svg role="img" aria-label="${esc(label)}" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${axes(title)}<path d="M${px(0)},${py(0)}L${px(1)},${py(1)}" stroke="#aaa" stroke-dasharray="4" fill="none"/><path d="${d}" stroke="#4c78a8" stroke-width="2" fill="none"/></svg>`;
}

/** The scorecard report as a self-contained HTML page with charts. */
export function renderHtml(r: ScorecardReport): string {
  const md = (s: string) => `<p>${esc(s)}</p>`;
  const parts: string[] = [];
  parts.push(`<h1>Scorecard report — ${esc(r.model.version)}</h1>`);
  parts.push(
    md(
      `${r.data.rows} rows, ${r.data.bads} bads (${pct(r.data.badRate)}); AUC ${f4(r.auc)}, KS ${f4(r.ks)}, Gini ${f4(r.gini)}; ${r.model.features} features.`,
    ),
  );
  for (const w of r.warnings)
    parts.push(`<p class="warning"><strong>Warning:</strong> ${esc(w)}</p>`);
  parts.push(
    `<div class="charts">${histogramSvg(r)}${lineSvg(
      `ROC (AUC ${f4(r.auc)})`,
      r.roc.map((p) => ({ x: p.fpr, y: p.tpr })),
      'ROC curve',
    )}${lineSvg(
      'Gains: share of bads by share of rows',
      [
        { x: 0, y: 0 },
        ...r.gains.map((g, i) => ({ x: (i + 1) / r.gains.length, y: g.cumBadShare })),
      ],
      'Gains chart',
    )}</div>`,
  );
  parts.push('<h2>Information value of every candidate</h2>');
  parts.push(htmlTable(tableOf(r.candidates, CANDIDATE_COLUMNS)));
  parts.push('<h2>Binning tables</h2>');
  for (const f of r.features) {
    parts.push(`<h3>${esc(f.feature)}</h3>`);
    parts.push(
      md(
        `${f.kind}; IV ${f4(f.iv)} (${f4(f.trainingIv)} in training); coefficient ${f.coefficient}`,
      ),
    );
    parts.push(htmlTable(tableOf(f.bins, BIN_COLUMNS)));
  }
  parts.push('<h2>VIF of the kept features</h2>');
  parts.push(
    htmlTable(
      tableOf(r.vif, [
        { head: 'feature', cell: (v) => v.feature },
        { head: 'VIF', cell: (v) => v.vif },
      ]),
    ),
  );
  parts.push('<h2>Gains and KS</h2>');
  // the page's gains table leaves out the goods column (the chart shows the shares)
  parts.push(
    htmlTable(
      tableOf(
        r.gains,
        GAINS_COLUMNS.filter((c) => c.head !== 'goods'),
      ),
    ),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Scorecard report — ${esc(r.model.version)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;max-width:72rem}table{border-collapse:collapse;margin:.5rem 0 1rem}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}td:first-child,th:first-child{text-align:left}.charts{display:flex;gap:1rem;flex-wrap:wrap}.warning{background:#fff4e5;padding:.5rem}</style>
</head><body>
${parts.join('\n')}
</body></html>
`;
}

/** The monitoring report as Markdown. */
export function renderMonitorMarkdown(m: MonitorReport): string {
  const out: string[] = [];
  out.push(`# Stability report — ${m.model}`);
  out.push(
    `Base ${m.baseRows} rows, current ${m.currentRows} rows. Thresholds: < ${m.thresholds.watch} STABLE, ${m.thresholds.watch}–${m.thresholds.shift} WATCH, ≥ ${m.thresholds.shift} SHIFT.`,
  );
  for (const w of m.warnings) out.push(`> **Warning:** ${w}`);
  out.push(`## Score PSI: ${f4(m.score.index)} (${m.score.status})`);
  out.push(
    markdownTable(
      tableOf(m.score.bins, [
        { head: 'score band', cell: (b) => b.bin },
        { head: 'base', cell: (b) => pct(b.baseShare) },
        { head: 'current', cell: (b) => pct(b.currentShare) },
        { head: 'contribution', cell: (b) => f4(b.contribution) },
      ]),
    ),
  );
  out.push('## CSI per feature (worst first)');
  out.push(
    markdownTable(
      tableOf(m.features, [
        { head: 'feature', cell: (f) => f.feature },
        { head: 'CSI', cell: (f) => f4(f.index) },
        { head: 'status', cell: (f) => f.status },
      ]),
    ),
  );
  return out.join('\n\n') + '\n';
}

/** The disparate-impact report as Markdown. */
export function renderFairnessMarkdown(reports: DisparateImpactReport[]): string {
  const out: string[] = ['# Disparate impact'];
  for (const r of reports) {
    out.push(`## ${r.attribute}`);
    out.push(
      `Approved: grades ${r.approveGrades.join(', ')}. Ratios against the group with the highest approval rate (${r.reference}); below ${r.threshold} is flagged (four-fifths rule).`,
    );
    out.push(
      markdownTable(
        tableOf(r.groups, [
          { head: 'group', cell: (g) => g.group },
          { head: 'rows', cell: (g) => g.rows },
          { head: 'approved', cell: (g) => g.approved },
          { head: 'approval rate', cell: (g) => pct(g.approvalRate) },
          { head: 'approval ratio', cell: (g) => g.approvalRatio.toFixed(3) },
          { head: 'average limit (¥)', cell: (g) => (g.averageLimitFen / 100).toFixed(2) },
          { head: 'limit ratio', cell: (g) => g.limitRatio.toFixed(3) },
          { head: 'flag', cell: (g) => (g.flagged ? '**FLAG**' : '') },
        ]),
      ),
    );
  }
  return out.join('\n\n') + '\n';
}
