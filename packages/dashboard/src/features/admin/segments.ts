/** The values the admin forms offer (the API's Grade, IncomeBand and category enums). */
export const GRADES = ['A', 'B', 'C', 'D', 'E'];
export const BANDS = ['LOW', 'MID', 'HIGH', 'VERY_HIGH'];
export const CATEGORIES = [
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
  'OTHER',
];
