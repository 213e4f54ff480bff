import { describe, expect, it } from 'vitest';
import { formatMoney, percentOf, toFen } from './money';

describe('money', () => {
  it('reads decimal yuan strings as integer fen without floating point', () => {
    expect(toFen('1234.56')).toBe(123456);
    expect(toFen('0.1')).toBe(10);
    expect(toFen('50000')).toBe(5000000);
    expect(toFen('-3.05')).toBe(-305);
    expect(toFen('abc')).toBeNaN();
  });

  it('formats for the agent’s language', () => {
    expect(formatMoney({ amount: '1234.50', currency: 'CNY' }, 'zh-CN')).toBe('¥1,234.50');
    expect(formatMoney({ amount: '1234.50', currency: 'CNY' }, 'en')).toBe('¥1,234.50');
    expect(formatMoney(null, 'en')).toBe('—');
  });

  it('computes the share used, zero for a zero limit', () => {
    expect(
      percentOf({ amount: '800.00', currency: 'CNY' }, { amount: '1000.00', currency: 'CNY' }),
    ).toBe(80);
    expect(
      percentOf({ amount: '1.00', currency: 'CNY' }, { amount: '0.00', currency: 'CNY' }),
    ).toBe(0);
  });
});
