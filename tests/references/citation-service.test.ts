import { describe, expect, it } from 'vitest';
import { createCitationService } from '../../src/services/citation-service.js';
import { ApiError } from '../../src/errors.js';
import type { IndexReader } from '../../src/services/index-reader.js';
import { toReferenceDocs } from '../../core/index/references.js';
import { linkReferences } from '../../ingest/enrich/references/link-references.js';
import { legalDoc } from './fixtures.js';

/** An in-memory IndexReader over a few documents: enough for the citation service, no Meilisearch. */
function fakeReader(state: { stamp: string; title: string }) {
  const calls = { list: 0 };
  const reader = {
    async get(index: string, id: string) {
      if (index === 'meta' && id === 'corpus') return { ingestedAt: state.stamp };
      if (index === 'clauses' && id === 'law--art_2') {
        return { id, docId: 'law', docTitle: state.title, citation: `《${state.title}》第二条`, label: '第二条' };
      }
      if (index === 'documents' && id === 'law') return { id: 'law', title: state.title, docNumber: '某发〔2020〕1号' };
      return undefined;
    },
    async list(index: string) {
      calls.list++;
      if (index === 'documents') return { hits: [{ id: 'law', title: state.title, kind: 'law', aliases: [] }], total: 1 };
      if (index === 'clauses') {
        const hits = [1, 2, 3].map((n, i) => ({ id: `law--art_${n}`, docId: 'law', kind: 'article', label: `第${n}条`, parentId: 'law', order: i }));
        return { hits, total: hits.length };
      }
      if (index === 'catalogue') return { hits: [{ id: 'c1', number: 1, title: '某不在库中的纲要', date: '2021-01-01' }], total: 1 };
      return { hits: [], total: 0 };
    },
  } as unknown as IndexReader;
  return { reader, calls };
}

describe('createCitationService (without Meilisearch)', () => {
  it('resolves with the library read from the index, and rebuilds it only when a new ingest is live', async () => {
    const state = { stamp: 't1', title: '中华人民共和国某某法' };
    const { reader, calls } = fakeReader(state);
    const svc = createCitationService(reader);
    expect(await svc.resolve('某某法第二条')).toMatchObject({ status: 'resolved', clauseId: 'law--art_2', url: '/v1/clauses/law--art_2' });
    await svc.resolve('某某法第三条');
    expect(calls.list).toBe(3);
    state.stamp = 't2';
    state.title = '中华人民共和国另一法';
    expect(await svc.resolve('另一法第一条')).toMatchObject({ clauseId: 'law--art_1' });
    expect(calls.list).toBe(6);
  });

  it('says why an article is missing, with code CITATION_NOT_RESOLVED', async () => {
    const svc = createCitationService(fakeReader({ stamp: 't', title: '中华人民共和国某某法' }).reader);
    const err = await svc.resolve('某某法第四条').catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('CITATION_NOT_RESOLVED');
    expect(err.message).toContain('has 3 articles; there is no 第四条');
  });

  it('extracts citations from free text with offsets and statuses', async () => {
    const svc = createCitationService(fakeReader({ stamp: 't', title: '中华人民共和国某某法' }).reader);
    const text = '依据某某法第二条和《某不在库中的纲要》，以及本法第一条。';
    const { citations } = await svc.extract(text);
    expect(citations.map((c) => [text.slice(c.start, c.end), c.status])).toEqual([
      ['某某法第二条', 'resolved'],
      ['《某不在库中的纲要》', 'catalogue'],
      ['本法第一条', 'unresolved'],
    ]);
    expect(citations[0]!.relation).toBe('basis');
  });

  it('cites a clause with the 文号 after the title and a permalink', async () => {
    const svc = createCitationService(fakeReader({ stamp: 't', title: '中华人民共和国某某法' }).reader);
    expect(await svc.cite('law--art_2', 'http://h')).toMatchObject({
      citation: '《中华人民共和国某某法》（某发〔2020〕1号）第二条',
      permalink: 'http://h/v1/clauses/law--art_2',
    });
    await expect(svc.cite('nope')).rejects.toMatchObject({ code: 'CLAUSE_NOT_FOUND' });
  });

  it('answers INDEX_NOT_READY before the first ingest', async () => {
    const reader = { get: async () => undefined, list: async () => ({ hits: [], total: 0 }) } as unknown as IndexReader;
    await expect(createCitationService(reader).resolve('某法第一条')).rejects.toMatchObject({ code: 'INDEX_NOT_READY' });
  });
});

describe('toReferenceDocs', () => {
  it('adds the graph edge and a grouping target, and validates', () => {
    const a = legalDoc('a', '中华人民共和国甲法', [['依照《中华人民共和国乙法》第一条和《外部规定》处理；违反本法第一条的。']]);
    const b = legalDoc('b', '中华人民共和国乙法', [['总则。']]);
    const docs = toReferenceDocs(linkReferences([a, b]).references);
    expect(docs.map((d) => [d.edge, d.target])).toEqual([
      ['a>b', 'b'],
      [undefined, '《外部规定》'],
      [undefined, 'a'],
    ]);
  });
});
