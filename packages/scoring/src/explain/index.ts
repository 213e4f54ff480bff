export * from './texts.js';
export * from './explain.js';
