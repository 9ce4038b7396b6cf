import { describe, expect, it } from 'vitest';
import * as references from '../../core/references/index.js';
import * as toIndex from '../../core/index/references.js';
import * as refService from '../../src/services/reference-service.js';
import * as citeService from '../../src/services/citation-service.js';

/** Pins each module's public surface: a rename or removal must be a deliberate change here. */
describe('public surface', () => {
  it('ingest/enrich/references', () => {
    expect(Object.keys(references).sort()).toEqual(
      [
        'Anchor',
        'Candidate',
        'LibraryArticle',
        'LibraryCatalogueEntry',
        'LibraryDocument',
        'Locator',
        'RawReference',
        'Reference',
        'ReferenceLibrary',
        'ReferenceStatus',
        'Relation',
        'articlesFromClauses',
        'classifyRelation',
        'createReferenceResolver',
        'extractAliasDefinitions',
        'extractReferences',
        'findAngleTitles',
        'findDocNumbers',
        'findQuotedTitles',
        'formatLocator',
        'formatNumeral',
        'labelNumber',
        'libraryDocumentFromPolicy',
        'libraryEntry',
        'libraryOf',
        'normalizeDocNumber',
        'parseCitation',
        'parseNumeral',
        'readLocatorList',
        'renameArticles',
        'regionOf',
      ].sort(),
    );
  });

  it('index documents and services', () => {
    expect(Object.keys(toIndex).sort()).toEqual(['ReferenceDoc', 'toReferenceDocs']);
    expect(typeof refService.createReferenceService).toBe('function');
    expect(typeof citeService.createCitationService).toBe('function');
    expect(citeService.MAX_EXTRACT_CHARS).toBe(64_000);
    expect(citeService.MAX_BATCH_CITES).toBe(1_000);
  });

  it('numerals round-trip the way articles are numbered', () => {
    for (const [n, s] of [
      [1, '一'],
      [10, '十'],
      [11, '十一'],
      [20, '二十'],
      [79, '七十九'],
      [100, '一百'],
      [105, '一百零五'],
      [110, '一百一十'],
      [1001, '一千零一'],
    ] as const) {
      expect(references.formatNumeral(n)).toBe(s);
      expect(references.parseNumeral(s)).toBe(n);
    }
    expect(references.parseNumeral('３１')).toBe(31);
    expect(references.parseNumeral('两')).toBe(2);
    expect(references.parseNumeral('abc')).toBeUndefined();
  });
});
