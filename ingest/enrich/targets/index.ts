export * from '../../../core/model/target.js';
export * from './sentences.js';
export * from './tables.js';
export * from './extract-targets.js';
