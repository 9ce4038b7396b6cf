import { describe, expect, it } from 'vitest';
import * as segment from '../../core/segment/index.js';
import * as searchService from '../../src/services/search-service.js';
import * as searchQuery from '../../src/services/search-query.js';
import * as query from '../../src/services/query/index.js';

/** The public surface other modules build on; a change here is a change of contract. */
describe('public surface', () => {
  it('of core/segment', () => {
    expect(Object.keys(segment).sort()).toEqual(
      [
        'QUERY_STOP_WORDS',
        'SEARCH_VOCABULARY',
        'STREAM_BREAK',
        'createSegmenter',
        'decodeSearchWord',
        'encodeSearchWord',
        'findLocators',
        'foldText',
        'foldTraditional',
        'foldWidth',
        'locatorSpellings',
        'policyTerms',
        'searchVocabulary',
        'segmenterWords',
        'toSearchField',
        'toSearchQuery',
      ].sort(),
    );
    const s = segment.createSegmenter();
    expect(Object.keys(s).sort()).toEqual(['fold', 'indexTokens', 'queryWords', 'weight', 'words']);
  });

  it('of the search service and query planner', () => {
    expect(Object.keys(searchService).sort()).toEqual(
      ['DIRECT_HITS', 'PARTS_BELOW', 'PHRASE_CANDIDATES', 'SCOPED_HITS', 'SNIPPET_CHARS', 'breadcrumb', 'countFacets', 'createSearchService', 'pageWindow'].sort(),
    );
    expect(Object.keys(searchQuery).sort()).toEqual(['LONE_CHAR_AMONG', 'MEILI_MAX_QUERY_WORDS', 'compactForMatch', 'containsPhrases', 'planQuery']);
    expect(Object.keys(query).sort()).toEqual(
      ['COMMON_WORD_WEIGHT', 'EMPTY_LEXICON', 'correctWord', 'coverParts', 'createLexicon', 'createLexiconSource', 'displayWords', 'expandPlan', 'planSearch', 'removeFrames', 'understandQuery', 'withoutAbsentWords'].sort(),
    );
  });
});
