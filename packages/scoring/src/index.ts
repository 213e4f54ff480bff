/**
 * @creditline/scoring — Creditline's decision engine: platform features → scorecard score →
 * grade → limit, price and explanation. Pure TypeScript, no I/O (except loading the shipped model).
 */
export type * from './model/types.js'; // becomes './model/index.js' once the scorecard half lands
export * from './features/index.js';
export * from './policy/index.js';
export * from './pricing/index.js';
export * from './recovery/index.js';
export * from './demo/index.js';
export * from './explain/index.js';
