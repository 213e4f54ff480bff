import { readFileSync } from 'node:fs';
import { DataError, readCsv, type Dataset } from './csv.js';

/** Reads and parses a CSV file; a missing or empty file is a one-line `DataError`. */
export function readCsvFile(path: string): Dataset {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DataError(`file not found: ${path}`);
    if (code === 'EISDIR') throw new DataError(`is a directory, not a file: ${path}`);
    throw new DataError(`cannot read ${path}: ${(e as Error).message}`);
  }
  if (text.trim() === '') throw new DataError(`empty file: ${path}`);
  return readCsv(text);
}
