export * from './platform-features.js';
