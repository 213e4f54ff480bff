import { describe, expect, it } from 'vitest';
import { hasErrors, validateRecoveryForm } from './validateRecoveryForm';

const ok = { type: 'UNFREEZE' as const, reason: '客户已结清逾期款项，申请解冻。', documents: [] };

describe('validateRecoveryForm', () => {
  it('accepts a complete form', () => {
    expect(hasErrors(validateRecoveryForm(ok))).toBe(false);
  });

  it('requires a type and a reason of 10 to 1000 characters (counted as characters, not UTF-16 units)', () => {
    const e = validateRecoveryForm({ type: null, reason: '  太短  ', documents: [] });
    expect(e.type?.key).toBe('type');
    expect(e.reason?.key).toBe('reasonShort');
    expect(validateRecoveryForm({ ...ok, reason: '字'.repeat(1001) }).reason?.key).toBe(
      'reasonLong',
    );
    expect(validateRecoveryForm({ ...ok, reason: '😀'.repeat(10) }).reason).toBeUndefined();
  });

  it('checks each document’s type and size and the number of documents', () => {
    const doc = (fileName: string, contentType: string, sizeBytes: number) => ({
      kind: 'OTHER',
      fileName,
      contentType,
      sizeBytes,
    });
    const e = validateRecoveryForm({
      ...ok,
      documents: [
        doc('a.txt', 'text/plain', 10),
        doc('b.pdf', 'application/pdf', 11 * 1024 * 1024),
        doc('c.png', 'image/png', 0),
      ],
    });
    expect(e.documents).toEqual([
      { key: 'fileType', params: { name: 'a.txt' } },
      { key: 'fileSize', params: { name: 'b.pdf' } },
      { key: 'fileEmpty', params: { name: 'c.png' } },
    ]);
    const six = Array.from({ length: 6 }, (_, i) => doc(`${i}.pdf`, 'application/pdf', 100));
    expect(validateRecoveryForm({ ...ok, documents: six }).documents).toEqual([{ key: 'tooMany' }]);
  });
});
