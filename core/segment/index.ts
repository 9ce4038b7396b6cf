export * from './segmenter.js';
export * from './fold.js';
export * from './search-field.js';
export * from './numbering-terms.js';
export { QUERY_STOP_WORDS } from './stop-words.js';
export { policyTerms } from './policy-terms.js';
export { searchVocabulary, segmenterWords, SEARCH_VOCABULARY, type SearchVocabulary } from './vocabulary.js';
