export * from './reference.js';
export { extractReferences, extractAliasDefinitions, type ExtractContext } from './extract-references.js';
export { createReferenceResolver, regionOf, type Resolver, type Resolution, type CitationTarget, type CitingContext } from './resolver.js';
export {
  ReferenceLibrary,
  LibraryDocument,
  LibraryCatalogueEntry,
  LibraryArticle,
  articlesFromClauses,
  libraryOf,
  libraryEntry,
  renameArticles,
  libraryDocumentFromPolicy,
  labelNumber,
  type ClauseLike,
} from './library.js';
export { parseCitation, type ParsedCitation } from './parse-citation.js';
export { formatLocator, readLocatorList } from './locators.js';
export { findDocNumbers, normalizeDocNumber } from '../patterns/doc-number.js';
export { findAngleTitles, findQuotedTitles } from './scan-titles.js';
export { classifyRelation } from './relation.js';
export { parseNumeral, formatNumeral } from './numerals.js';
