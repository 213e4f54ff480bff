export * from './policy.js';
export * from './limits.js';
