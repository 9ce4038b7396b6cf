export * from './schema.js';
export * from './registry.js';
export * from './search.js';
export * from './load.js';
export * from './local-names.js';
export * from './functions.js';
