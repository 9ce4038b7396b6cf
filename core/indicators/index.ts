export * from './normalize.js';
export * from './load.js';
