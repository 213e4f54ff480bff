/**
 * The purchase categories (the same as the behaviour data's order categories, plus OTHER): what a
 * partner may send with a purchase, what a category limit (专项额度) or a promotion may name, and
 * what the demo population draws from. Domain data, so the seed imports it, not the reverse.
 */
export const ORDER_CATEGORIES = [
  'ELECTRONICS',
  'GROCERIES',
  'APPAREL',
  'HOME',
  'TRAVEL',
  'EDUCATION',
  'BEAUTY',
  'DIGITAL',
  'SPORTS',
  'BABY',
] as const;

export const PURCHASE_CATEGORIES = [...ORDER_CATEGORIES, 'OTHER'] as const;
export type PurchaseCategory = (typeof PURCHASE_CATEGORIES)[number];

/** Whether a text is one of the purchase categories. */
export const isPurchaseCategory = (c: string): c is PurchaseCategory =>
  (PURCHASE_CATEGORIES as readonly string[]).includes(c);
