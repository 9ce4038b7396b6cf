import { describe, expect, it } from 'vitest';
import * as merge from '../../ingest/merge/index.js';
import * as split from '../../ingest/split/index.js';

describe('public surface', () => {
  it('of ingest/split', () => {
    expect(Object.keys(split).sort()).toEqual([
      'CatalogueEntry',
      'VERSION_SUFFIX',
      'checkCatalogue',
      'documentId',
      'findDate',
      'findDocNumber',
      'issuedTitles',
      'kindFromTitle',
      'looseTitleKey',
      'normalizeTitle',
      'parseCatalogue',
      'parseDate',
      'preciserDate',
      'splitDocuments',
      'splitVersion',
    ]);
  });

  it('of ingest/merge', () => {
    expect(Object.keys(merge).sort()).toEqual([
      'SAME_TEXT',
      'SKETCH_SIZE',
      'applyMerge',
      'catalogueKey',
      'comparableText',
      'containment',
      'estimateContainment',
      'estimateJaccard',
      'fingerprint',
      'jaccard',
      'mergeCandidate',
      'mergeDuplicates',
      'planMerges',
      'shingles',
    ]);
  });
});
