import { describe, expect, it } from 'vitest';
import type { SearchParams } from 'meilisearch';
import { createSegmenter, decodeSearchWord, segmenterWords } from '../../core/segment/index.js';
import { createDepartmentRegistry, loadDepartmentRegistry } from '../../core/departments/index.js';
import type { IndexReader } from '../../src/services/index-reader.js';
import { countFacets, createSearchService, pageWindow } from '../../src/services/search-service.js';
import { ApiError } from '../../src/errors.js';
import { SearchQuery } from '../../src/schemas/search.js';
import { INDEX_SETTINGS } from '../../core/index/settings.js';
import { INDEX } from '../../core/index/index-names.js';

/** The clause index's synonyms, decoded: word → alternatives, each a list of words that must all occur. */
const SYNONYMS = new Map(
  Object.entries(INDEX_SETTINGS[INDEX.clauses].synonyms ?? {}).map(([k, v]) => [decodeSearchWord(k), v.map((alt) => alt.split(' ').map(decodeSearchWord))]),
);

/**
 * The service's own logic (phrases, direct article hits, relaxed matches,
 * paging) over a tiny in-memory stand-in for Meilisearch that understands
 * exactly what the service sends: encoded words, `all`/`last`, the filters
 * built by filter.ts, page or offset paging, the index's synonyms (one level,
 * as in Meilisearch). Ranking: more matched words first, then insertion order.
 */
const registry = createDepartmentRegistry({
  preferLevel: 'provincial',
  departments: [{ name: '省工业和信息化厅', level: 'provincial', aliases: [], abbreviations: ['工信厅'] }],
} as never);
const segmenter = createSegmenter({ userWords: registry.allNames() });

interface Doc {
  id: string;
  docId: string;
  docTitle: string;
  kind: string;
  label?: string;
  text: string;
  year?: number;
  isUnit: boolean;
  departments: string[];
  [k: string]: unknown;
}

/** Splits a filter at `sep` where it stands outside a "quoted value" (user text may hold AND / OR). */
function splitOutsideQuotes(filter: string, sep: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < filter.length; i++) {
    if (filter[i] === '\\' && quoted) i++;
    else if (filter[i] === '"') quoted = !quoted;
    else if (!quoted && filter.startsWith(sep, i)) {
      parts.push(filter.slice(start, i));
      start = i + sep.length;
      i += sep.length - 1;
    }
  }
  parts.push(filter.slice(start));
  return parts;
}

function fakeReader(docs: Doc[], calls: SearchParams[] = [], seg = segmenter): IndexReader {
  const tokensOf = (d: Doc) => new Set(seg.indexTokens(`${d.label ?? ''} ${d.text} ${d.docTitle}`).map((t) => t.toLowerCase()));
  const passes = (d: Doc, filter?: string) =>
    !filter ||
    splitOutsideQuotes(filter, ' AND ').every((clause) => {
      let c = clause.replace(/^\(+/, '');
      const count = (ch: string) => c.split(ch).length - 1;
      while (c.endsWith(')') && count(')') > count('(')) c = c.slice(0, -1);
      const notIn = /^NOT \(id IN \[(.*)\]\)$/.exec(c);
      if (notIn) return !JSON.parse(`[${notIn[1]}]`).includes(d.id);
      return splitOutsideQuotes(c, ' OR ').some((alt) => passesOne(d, alt));
    });
  /** One comparison: `field = "value"`, or a date comparison `field <= 20261203` (false on a missing field, as in Meilisearch), maybe under NOT (…). */
  const passesOne = (d: Doc, c: string): boolean => {
    const not = /^NOT \((.*)\)$/.exec(c);
    if (not) return !passesOne(d, not[1]!);
    const cmp = /^(\w+) (<=|>=|<|>) (\d+)$/.exec(c);
    if (cmp) {
      const have = d[cmp[1]!];
      if (typeof have !== 'number') return false;
      const n = Number(cmp[3]);
      return cmp[2] === '<=' ? have <= n : cmp[2] === '>=' ? have >= n : cmp[2] === '<' ? have < n : have > n;
    }
    const m = /^(\w+) = (.*)$/.exec(c);
    if (!m) throw new Error(`fake reader cannot read filter ${c}`);
    const want = JSON.parse(m[2]!);
    const have = d[m[1]!];
    return Array.isArray(have) ? have.includes(want) : have === want;
  };
  return {
    async search(_index, q, params = {}) {
      calls.push(params);
      const words = (q ?? '').split(' ').filter(Boolean).map(decodeSearchWord);
      const holds = (tokens: Set<string>, w: string) => tokens.has(w) || (SYNONYMS.get(w) ?? []).some((alt) => alt.every((x) => tokens.has(x)));
      const strategy = params.matchingStrategy ?? 'last';
      const scored = docs
        .filter((d) => passes(d, params.filter as string | undefined))
        .map((d, order) => {
          const tokens = tokensOf(d);
          let matching = words.every((w) => holds(tokens, w)) ? words.length : 0;
          if (!matching && strategy === 'last') {
            for (let k = words.length - 1; k >= 1 && !matching; k--) if (words.slice(0, k).every((w) => holds(tokens, w))) matching = k;
          }
          return { d, order, matching };
        })
        .filter((s) => s.matching > 0 || words.length === 0)
        .sort((a, b) => b.matching - a.matching || a.order - b.order);
      const all = scored.map((s) => ({
        ...s.d,
        // Every hit of an every-word query matches all its words: the same score, so only the caller's weighting ranks.
        ...(params.showRankingScore ? { _rankingScore: 1 } : {}),
        ...(params.showRankingScoreDetails ? { _rankingScoreDetails: { words: { order: 0, matchingWords: s.matching, maxMatchingWords: words.length, score: 1 } } } : {}),
      }));
      const page = params.hitsPerPage !== undefined ? { offset: ((params.page ?? 1) - 1) * params.hitsPerPage, limit: params.hitsPerPage } : { offset: params.offset ?? 0, limit: params.limit ?? 20 };
      return {
        hits: all.slice(page.offset, page.offset + page.limit),
        ...(params.hitsPerPage !== undefined ? { totalHits: all.length } : { estimatedTotalHits: all.length }),
        facetDistribution: params.facets ? (countFacets(all as never) as never) : undefined,
        processingTimeMs: 1,
        query: q ?? '',
      } as never;
    },
    get: async () => undefined,
    list: async () => ({ hits: [], total: 0 }),
    facets: async () => ({}),
    count: async () => docs.length,
    isHealthy: async () => true,
  };
}

const doc = (id: string, text: string, extra: Partial<Doc> = {}): Doc => ({
  id,
  docId: 'doc-a',
  docTitle: '示例数据条例',
  kind: 'article',
  text,
  isUnit: true,
  departments: [],
  path: [],
  citation: `《示例数据条例》${id}`,
  owners: [],
  ...extra,
});
const query = (q: string, extra: Record<string, string> = {}) => SearchQuery.parse({ q, ...extra });

describe('pageWindow', () => {
  it('finds one page covering any offset and limit, so totals come from exhaustive page mode', () => {
    for (let offset = 0; offset < 120; offset += 7) {
      for (const limit of [1, 5, 10, 20, 100]) {
        const w = pageWindow(offset, limit);
        expect(w, `${offset}/${limit}`).toBeDefined();
        const start = (w!.page - 1) * w!.hitsPerPage + w!.skip;
        expect(start).toBe(offset);
        expect(w!.skip + limit).toBeLessThanOrEqual(w!.hitsPerPage);
      }
    }
    expect(pageWindow(5, 10, 10)).toBeUndefined();
  });
});

describe('createSearchService', () => {
  it('checks quoted phrases verbatim and counts only verified clauses', async () => {
    const svc = createSearchService({
      reader: fakeReader([
        doc('a1', '履行数据安全保护义务。'),
        doc('a2', '数据安全和保护义务分开写。'),
        doc('a3', '另一处数据安全保护义务。', { docId: 'doc-b', docTitle: '另一部法' }),
      ]),
      segmenter,
      registry,
    });
    const res = await svc.search(query('“数据安全保护义务”', { facets: 'true' }));
    expect(res.hits.map((h) => h.id)).toEqual(['a1', 'a3']);
    expect(res.total).toBe(2);
    expect(res.totalIsExact).toBe(true);
    expect(res.facets?.docId).toEqual({ 'doc-a': 1, 'doc-b': 1 });
  });

  it('puts the article labelled with a named article number first, pages consistently, counts it once', async () => {
    const docs = [
      doc('a34', '除本法第二十一条的规定外，运营者还应当履行义务。', { label: '第三十四条' }),
      doc('a59', '违反本法第二十一条规定的，责令改正。', { label: '第五十九条' }),
      doc('a21', '国家实行网络安全等级保护制度。', { label: '第二十一条' }),
    ];
    const svc = createSearchService({ reader: fakeReader(docs), segmenter, registry });
    const all = await svc.search(query('第21条'));
    expect(all.hits.map((h) => h.id)).toEqual(['a21', 'a34', 'a59']);
    expect(all.total).toBe(3);
    const pages = [];
    for (let offset = 0; offset < 3; offset++) pages.push((await svc.search(query('第21条', { offset: String(offset), limit: '1' }))).hits[0]!.id);
    expect(pages).toEqual(['a21', 'a34', 'a59']);
  });

  it('follows every-word clauses with partial ones, marked, those keeping a department word first', async () => {
    const docs = [
      doc('p1', '省工业和信息化厅负责推进工作。'),
      doc('f1', '省工业和信息化厅负责5G网络建设。'),
      doc('a1', '5G网络建设加快推进。'),
    ];
    const svc = createSearchService({ reader: fakeReader(docs), segmenter, registry });
    const res = await svc.search(query('5G 工信厅'));
    expect(res.matchingStrategy).toBe('relaxed');
    expect(res.totalAllWords).toBe(1);
    // a1 gave up the department (a law may name the body by its function); it comes after p1, which kept it.
    expect(res.hits.map((h) => [h.id, h.partial])).toEqual([
      ['f1', false],
      ['p1', true],
      ['a1', true],
    ]);
    expect(res.notices.map((n) => n.code)).toEqual(['relaxed']);
  });

  it('finds the clauses that name a department by its function after those naming it, says so, and not when exact', async () => {
    // Laws write 省人民政府大数据工作主管部门 where plans write 省大数据局 (the committed registry's `functions`).
    const full = await loadDepartmentRegistry();
    const seg = createSegmenter({ userWords: segmenterWords(full) });
    const docs = [
      doc('l1', '省人民政府大数据工作主管部门负责建设本级政务信息资源共享平台。'),
      doc('p1', '省大数据局牵头建设共享平台。'),
      doc('x1', '推进共享平台建设。'),
    ];
    const svc = createSearchService({ reader: fakeReader(docs, [], seg), segmenter: seg, registry: full });
    const res = await svc.search(query('省大数据局 共享平台'));
    // The plan naming the body first (its own tasks), then the law naming its function; x1 names neither.
    expect(res.hits.map((h) => [h.id, h.partial])).toEqual([
      ['p1', false],
      ['l1', false],
      ['x1', true],
    ]);
    expect(res.totalAllWords).toBe(2);
    const second = await svc.search(query('省大数据局 共享平台', { offset: '1', limit: '1' }));
    expect(second.hits.map((h) => h.id)).toEqual(['l1']);
    expect(res.plan.rewrites).toContainEqual(expect.objectContaining({ kind: 'synonym', from: '省大数据局', to: expect.arrayContaining(['大数据工作主管部门']) }));
    const exact = await svc.search(query('省大数据局 共享平台', { exact: 'true' }));
    expect(exact.hits.filter((h) => !h.partial).map((h) => h.id)).toEqual(['p1']);
    expect(exact.plan.rewrites).toEqual([]);
  });

  it('counts a clause holding a word by its parts as holding it, before every partial match', async () => {
    // 资源共享 typed; a rule writes 资源按照共享类型: the word's parts, the granularity the text chose.
    const docs = [doc('z9', '共享类型目录。'), doc('s1', '信息资源按照共享类型分为三类。'), doc('w1', '推进资源共享，明确类型。')];
    const svc = createSearchService({ reader: fakeReader(docs), segmenter, registry });
    const res = await svc.search(query('资源共享 类型'));
    expect(res.totalAllWords).toBe(2);
    expect(res.hits.map((h) => [h.id, h.partial])).toEqual([
      ['s1', false],
      ['w1', false],
      ['z9', true],
    ]);
  });

  it('gives up the word the texts do not use wherever it was typed, not only the last ones', async () => {
    // 违规 is the asker's word; the law says 违反. Giving words up from the end never reaches it.
    const docs = [doc('k1', '违反规定向境外提供重要数据的，处以罚款。'), doc('k2', '重要数据目录由主管部门制定。')];
    const leaveOneOut = createSearchService({ reader: fakeReader(docs), segmenter, registry });
    const last = createSearchService({ reader: fakeReader(docs), segmenter, registry, relaxation: 'last' });
    const q = query('违规 境外 罚款');
    expect((await leaveOneOut.search(q)).hits.map((h) => [h.id, h.partial])).toEqual([['k1', true]]);
    expect((await last.search(q)).hits.map((h) => h.id)).not.toContain('k1');
  });

  it('sends one request when every-word clauses fill the page', async () => {
    const calls: SearchParams[] = [];
    const docs = Array.from({ length: 12 }, (_, i) => doc(`d${i}`, '数据安全保护'));
    const svc = createSearchService({ reader: fakeReader(docs, calls), segmenter, registry });
    const res = await svc.search(query('数据 安全', { limit: '10' }));
    expect(res.hits).toHaveLength(10);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ page: 1, hitsPerPage: 10, matchingStrategy: 'all' });
  });

  it('resolves a department filter alias to the canonical name, and refuses unknown ones', async () => {
    const docs = [doc('o1', '推进5G网络建设。', { departments: ['省工业和信息化厅'] }), doc('o2', '推进5G网络建设。')];
    const svc = createSearchService({ reader: fakeReader(docs), segmenter, registry });
    expect((await svc.search(query('5G', { department: '工信厅' }))).hits.map((h) => h.id)).toEqual(['o1']);
    await expect(svc.search(query('5G', { department: '省工业和信息化局' }))).rejects.toMatchObject({
      code: 'DEPARTMENT_NOT_FOUND',
      details: { suggestions: expect.arrayContaining(['省工业和信息化厅']) },
    });
    await expect(svc.search(query('5G', { department: '不存在的局' }))).rejects.toBeInstanceOf(ApiError);
  });

  it('asks for the fields facets need only when facets are asked', async () => {
    const calls: SearchParams[] = [];
    const svc = createSearchService({ reader: fakeReader([doc('a', '数据安全')], calls), segmenter });
    await svc.search(query('数据'));
    await svc.search(query('数据', { facets: 'true' }));
    expect(calls[0]!.attributesToRetrieve).not.toContain('departments');
    expect(calls[0]!.attributesToRetrieve).toEqual(expect.arrayContaining(['id', 'text', 'path', 'citation', 'owners']));
    expect(calls[1]!.attributesToRetrieve).toEqual(expect.arrayContaining(['issuer', 'departments']));
  });

  it('escapes filter values: user text never becomes filter syntax', async () => {
    const calls: SearchParams[] = [];
    const svc = createSearchService({ reader: fakeReader([doc('a', '数据')], calls), segmenter });
    await svc.search(query('数据', { issuer: 'x" OR kind = "article' }));
    expect(calls[0]!.filter).toContain('issuer = "x\\" OR kind = \\"article"');
  });
});
