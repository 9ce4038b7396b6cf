export { mergeDuplicates, planMerges, applyMerge, mergeCandidate, catalogueKey, SAME_TEXT } from './merge-duplicates.js';
export type { MergeCandidate, MergedDocument, MergePlan } from './merge-duplicates.js';
export { fingerprint, estimateJaccard, estimateContainment, SKETCH_SIZE, type TextFingerprint } from './fingerprint.js';
export { shingles, jaccard, containment, comparableText } from './similarity.js';
