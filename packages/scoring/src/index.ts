/**
 * @creditline/scoring — Creditline's decision engine: platform features → scorecard score →
 * grade → limit, price and explanation. Pure TypeScript, deterministic, no I/O.
 */
import platformModelJson from '../models/platform-v1.json' with { type: 'json' };
import { loadModel, type ScorecardModel } from './model/index.js';

export * from './model/index.js';
export * from './features/index.js';
export * from './policy/index.js';
export * from './pricing/index.js';
export * from './recovery/index.js';
export * from './revolving/index.js';
export * from './demo/index.js';
export * from './explain/index.js';
export * from './money/index.js';
export * from './report/index.js';

/** The shipped platform scorecard (`models/platform-v1.json`, trained by `scripts/train-platform-model.ts` on platform features). */
export const platformModel: ScorecardModel = loadModel(platformModelJson);
