export { mergeDuplicates, catalogueKey, SAME_TEXT } from './merge-duplicates.js';
export { shingles, jaccard, containment, comparableText } from './similarity.js';
