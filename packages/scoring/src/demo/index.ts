export * from './demo-population.js';
