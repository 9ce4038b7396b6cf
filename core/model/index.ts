export * from './tree.js';
export * from './messages.js';
export * from './document.js';
export * from './dates.js';
