export * from './chinese-date.js';
export * from './period.js';
export * from './extract-dates.js';
export * from './overrides.js';
export * from './link-changes.js';
