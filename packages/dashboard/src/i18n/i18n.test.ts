import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`),
  );
}

describe('translations', () => {
  it('zh-CN and en have the same keys and no empty texts', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
    for (const k of keys(zhCN))
      expect(
        k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], zhCN),
        k,
      ).not.toBe('');
  });

  it('uses the glossary terms', () => {
    expect(zhCN.account.available).toBe('可用额度');
    expect(zhCN.account.baseLimit).toBe('总额度');
    expect(zhCN.account.temporaryLimits).toBe('临时额度');
    expect(zhCN.account.categoryLimits).toBe('专项额度');
    expect(zhCN.recovery.listTitle).toBe('额度恢复申请');
    expect(en.account.available).toBe('Available limit');
  });
});
