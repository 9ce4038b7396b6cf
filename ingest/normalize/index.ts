export { normalizeText, normalizeTextWithReport, CLEANERS, type CleanerReport } from './normalize-text.js';
export { toOriginalOffset, toNormalizedOffset, originalSlice, countArtifacts, type Edit } from './offset-map.js';
export { markdownHeadingDepth, originalLineAt } from './source-lines.js';
export type { Cleaner, CleanerContext, CleanerResult } from './cleaner.js';
