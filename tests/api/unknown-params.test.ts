import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../src/plugins/unknown-params.js';

describe('didYouMean', () => {
  const accepted = ['q', 'limit', 'offset', 'docId', 'kind', 'docKind', 'issuer', 'year', 'department', 'role', 'sort', 'facets'];

  it('finds the parameter a typo or a case slip meant', () => {
    expect(didYouMean('lmit', accepted)).toBe('limit');
    expect(didYouMean('limt', accepted)).toBe('limit');
    expect(didYouMean('docid', accepted)).toBe('docId');
    expect(didYouMean('DocKind', accepted)).toBe('docKind');
    expect(didYouMean('departmnet', accepted)).toBe('department');
    expect(didYouMean('facet', accepted)).toBe('facets');
  });

  it('suggests nothing for a name close to none', () => {
    expect(didYouMean('colour', accepted)).toBeUndefined();
    expect(didYouMean('query', accepted)).toBeUndefined();
    expect(didYouMean('x', ['q', 'limit'])).toBeUndefined();
  });
});
