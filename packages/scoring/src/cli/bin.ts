#!/usr/bin/env node
/** The `creditline-score` executable: runs the CLI and exits with its code. */
import { run } from './main.js';

process.exitCode = run(
  process.argv.slice(2),
  (s) => process.stdout.write(s),
  (s) => process.stderr.write(s),
);
