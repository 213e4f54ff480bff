export * from './revolving.js';
