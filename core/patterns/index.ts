export * from './characters.js';
export * from './numbering.js';
export * from './doc-number.js';
