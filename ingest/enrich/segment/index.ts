export * from './segmenter.js';
