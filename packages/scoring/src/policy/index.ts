export * from './policy.js';
export * from './limits.js';
export * from './risk-budget.js';
export * from './stress.js';
export * from './lifecycle.js';
