export * from './characters.js';
export * from './numbering.js';
