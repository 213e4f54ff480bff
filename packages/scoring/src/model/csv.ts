/** A table: column names and rows of cells (numbers where the text is a number, `null` when empty). */
export interface Dataset {
  columns: string[];
  rows: (string | number | null)[][];
}

/** Raised for malformed input data; the message is one line meant for users. */
export class DataError extends Error {
  override name = 'DataError';
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function cell(raw: string): string | number | null {
  const t = raw.trim();
  if (t === '' || t === 'NA' || t === 'NaN' || t === 'null') return null;
  if (NUMERIC.test(t)) return Number(t);
  return t;
}

/** The cells of one CSV line, as text (RFC 4180 quoting: `"a,b"` is one cell, `""` a quote). */
export function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) {
      if (c === '"') {
        if (line[i + 1] === '"') {
          cur += '"';
          i++;
        } else q = false;
      } else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/**
 * Parses comma-separated text with a header row (RFC 4180 quoting, no embedded newlines).
 * Cells that look like numbers become numbers; empty cells (and NA/NaN/null) become `null`.
 */
export function readCsv(text: string): Dataset {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length === 0 || lines[0].trim() === '')
    throw new DataError('empty file: no header row');
  const columns = splitCsvLine(lines[0]).map((c) => c.trim());
  const seen = new Set<string>();
  for (const c of columns) {
    if (c === '') throw new DataError('header has an empty column name');
    if (seen.has(c)) throw new DataError(`duplicate column name "${c}"`);
    seen.add(c);
  }
  const rows: (string | number | null)[][] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const parts = splitCsvLine(line);
    if (parts.length !== columns.length) {
      throw new DataError(`line ${i + 1}: expected ${columns.length} cells, found ${parts.length}`);
    }
    rows.push(parts.map(cell));
  }
  return { columns, rows };
}

/** Index of a column, or a one-line `DataError`. */
export function columnIndex(data: Dataset, name: string): number {
  const i = data.columns.indexOf(name);
  if (i < 0)
    throw new DataError(
      `column "${name}" not found (columns: ${data.columns.slice(0, 8).join(', ')}${data.columns.length > 8 ? ', …' : ''})`,
    );
  return i;
}

/** The label column as 0/1, or a one-line `DataError` naming the first bad row (1-based data row). */
export function labelColumn(data: Dataset, label: string): Uint8Array {
  const j = columnIndex(data, label);
  const y = new Uint8Array(data.rows.length);
  for (let i = 0; i < data.rows.length; i++) {
    const v = data.rows[i][j];
    if (v === 0 || v === 1) y[i] = v;
    else
      throw new DataError(
        `label "${label}" must be 0 or 1, found ${v === null ? 'an empty cell' : JSON.stringify(v)} in row ${i + 1}`,
      );
  }
  return y;
}

/** Rows as records (column → cell), e.g. for `scoreFeatures`. */
export function toRecords(data: Dataset): Record<string, string | number | null>[] {
  return data.rows.map((r) => {
    const o: Record<string, string | number | null> = {};
    for (let j = 0; j < data.columns.length; j++) o[data.columns[j]] = r[j];
    return o;
  });
}

/** A subset of rows (shares the row arrays). */
export function selectRows(data: Dataset, idx: ArrayLike<number>): Dataset {
  const rows = new Array(idx.length);
  for (let i = 0; i < idx.length; i++) rows[i] = data.rows[idx[i]];
  return { columns: data.columns, rows };
}
