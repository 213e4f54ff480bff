import type { TrainOptions } from './train.js';

/** Training options tuned by 5-fold CV on the Taiwan card development set. */
export const CARD_OPTIONS: TrainOptions = { label: 'default', exclude: ['ID'] };

/** Training options tuned by 5-fold CV on the German credit development set (700 rows). */
export const GERMAN_OPTIONS: TrainOptions = { label: 'default', exclude: ['id'] };
