/**
 * Benchmark: scoring throughput of a compiled model on one core, and training time on the card
 * development set. `pnpm bench` (tsx bench/run.ts).
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  compileModel,
  readCsvFile,
  scoreFast,
  scoreFeatures,
  toRecords,
  trainScorecard,
} from '../src/model/index.js';
import { CARD_OPTIONS } from '../src/model/presets.js';

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cardCsv = path.join(pkgDir, 'data/credit-card-default/dev.csv');

console.log(
  `CPU: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length} cores; Node ${process.version}; ${os.platform()} ${os.arch()}; load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);

const data = readCsvFile(cardCsv);
const t0 = performance.now();
const model = trainScorecard(data, { ...CARD_OPTIONS, createdAt: '1970-01-01T00:00:00.000Z' });
const trainMs = performance.now() - t0;
console.log(
  `training on ${data.rows.length} rows × ${data.columns.length} columns: ${(trainMs / 1000).toFixed(2)} s (${model.features.length} features, ${model.derived.length} derived specs)`,
);

const c = compileModel(model);
const records = toRecords(data);
// Encode once (as a batch caller would), then score the flat rows repeatedly.
const width = c.inputs.length;
const flat = new Float64Array(records.length * width);
records.forEach((r, i) => c.encode(r, flat.subarray(i * width, (i + 1) * width)));
const rows = records.map((_, i) => flat.subarray(i * width, (i + 1) * width));

function bench(name: string, minMs: number, fn: () => number): void {
  let sink = 0;
  // warm-up
  for (let k = 0; k < 3; k++) sink += fn();
  let n = 0;
  const cpu0 = process.cpuUsage();
  const s = performance.now();
  let e = s;
  while (e - s < minMs) {
    n += fn();
    e = performance.now();
  }
  const cpu = process.cpuUsage(cpu0);
  const perSec = (n / (e - s)) * 1000;
  // On a shared machine the wall clock counts other processes' time slices too: scores per
  // second of this process's own CPU time is the scorer's speed on one core.
  const perCpuSec = n / ((cpu.user + cpu.system) / 1e6);
  const fmt = (v: number) => Math.round(v).toLocaleString('en-US');
  console.log(
    `${name}: ${fmt(perSec)} scores/s wall clock, ${fmt(perCpuSec)} scores per CPU-second${sink < 0 ? '' : ''}`,
  );
}

bench('scoreFast (compiled, encoded rows)', 2000, () => {
  let acc = 0;
  for (let i = 0; i < rows.length; i++) acc += scoreFast(c, rows[i]);
  return acc === 0.5 ? 0 : rows.length;
});
bench('encode + scoreFast (from records)', 1500, () => {
  const buf = new Float64Array(width);
  let acc = 0;
  for (let i = 0; i < records.length; i++) acc += scoreFast(c, c.encode(records[i], buf));
  return acc === 0.5 ? 0 : records.length;
});
bench('scoreFeatures (with contributions)', 1500, () => {
  let acc = 0;
  for (let i = 0; i < records.length; i++) acc += scoreFeatures(model, records[i]).score;
  return acc === 0.5 ? 0 : records.length;
});
console.log(
  `load average after: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
