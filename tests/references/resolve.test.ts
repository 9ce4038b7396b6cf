import { describe, expect, it } from 'vitest';
import {
  articlesFromClauses,
  createReferenceResolver,
  parseCitation,
  type LibraryDocument,
  type ReferenceLibrary,
} from '../../core/references/index.js';

/** A law with `n` articles; article 2 has two paragraphs, the second with three items. */
function law(id: string, title: string, n: number, extra: Partial<LibraryDocument> = {}): LibraryDocument {
  const clauses = [];
  for (let a = 1; a <= n; a++) {
    clauses.push({ id: `${id}--art_${a}`, kind: 'article', label: `第${a}条`, parentId: id });
    clauses.push({ id: `${id}--art_${a}__para_1`, kind: 'paragraph', label: '第一款', parentId: `${id}--art_${a}` });
    if (a === 2) {
      clauses.push({ id: `${id}--art_2__para_2`, kind: 'paragraph', parentId: `${id}--art_2` });
      for (const k of ['一', '二', '三']) {
        clauses.push({ id: `${id}--art_2__para_2__item_${k}`, kind: 'item', label: `（${k}）`, parentId: `${id}--art_2__para_2` });
      }
    }
  }
  return { id, title, kind: 'law', aliases: [], articles: articlesFromClauses(clauses.map((c, order) => ({ ...c, order }))), ...extra };
}

const library: ReferenceLibrary = {
  documents: [
    law('net', '中华人民共和国网络安全法', 79, { year: 2016 }),
    law('data', '中华人民共和国数据安全法', 55, { year: 2021 }),
    { id: 'plan-a', title: '某省数字建设行动方案', version: '（2024-2025年）', kind: 'plan', year: 2023, aliases: [], articles: [] },
    { id: 'plan-old', title: '某省数字政府建设实施方案', kind: 'plan', year: 2023, aliases: [], articles: [] },
    { id: 'op', title: '某省数字基础设施建设的指导意见', kind: 'opinion', year: 2020, issuer: '某省人民政府办公厅', aliases: [], articles: [] },
    { id: 'dup-1', title: '数据工作要点', kind: 'plan', aliases: [], articles: [] },
    { id: 'dup-2', title: '数据工作要点', kind: 'plan', aliases: [], articles: [] },
    { id: 'numbered', title: '国务院关于某事项的通知', docNumber: '国发〔2015〕50号', kind: 'notice', aliases: [], articles: [] },
    { id: 'nat', title: '关于加强某建设的指导意见', kind: 'opinion', year: 2022, aliases: ['某建设意见全文'], articles: [] },
  ],
  catalogue: [
    { id: 'cat-48', number: 48, title: '“十四五”大数据产业发展规划', date: '2021-11-30', issuer: '工业和信息化部' },
    { id: 'cat-9', number: 9, title: '某基础设施安全保护条例', date: '2021-08-17', issuer: '国务院' },
    { id: 'cat-net', number: 1, title: '中华人民共和国网络安全法', date: '2016-11-07' },
  ],
};
const resolver = createReferenceResolver(library);

describe('resolution to documents', () => {
  it('resolves a short title by the general rule (中华人民共和国 optional)', () => {
    const r = resolver.resolve({ title: '网络安全法' });
    expect(r).toMatchObject({ status: 'resolved', toDocId: 'net', normalized: '《中华人民共和国网络安全法》' });
  });

  it('links a resolved document to its catalogue entry when listed', () => {
    expect(resolver.resolve({ title: '中华人民共和国网络安全法' }).catalogueId).toBe('cat-net');
  });

  it('treats the version suffix as optional, but never lets two different versions match', () => {
    expect(resolver.resolve({ title: '某省数字建设行动方案' }).toDocId).toBe('plan-a');
    expect(resolver.resolve({ title: '某省数字建设行动方案（2024-2025年）' }).toDocId).toBe('plan-a');
    expect(resolver.resolve({ title: '某省数字建设行动方案（2021-2023年）' }).status).toBe('unresolved');
  });

  it('does not resolve a citation to a document issued after the citing one, or a plan period to a later text', () => {
    expect(resolver.resolve({ title: '某省数字政府建设实施方案（2019-2022年）' }).status).toBe('unresolved');
    expect(resolver.resolve({ title: '某省数字政府建设实施方案' }, { year: 2021 }).status).toBe('unresolved');
    expect(resolver.resolve({ title: '某省数字政府建设实施方案' }, { year: 2023 }).toDocId).toBe('plan-old');
  });

  it('matches loosely: a missing 的, a leading 关于, an issuer before 关于', () => {
    expect(resolver.resolve({ title: '某省数字基础设施建设指导意见' }).toDocId).toBe('op');
    expect(resolver.resolve({ title: '关于某省数字基础设施建设的指导意见' }).toDocId).toBe('op');
    expect(resolver.resolve({ title: '国务院关于加强某建设的指导意见' }).toDocId).toBe('nat');
  });

  it('reads a title without its region as a document of the citing region', () => {
    expect(resolver.resolve({ title: '关于数字基础设施建设的指导意见' }).status).toBe('unresolved');
    expect(resolver.resolve({ title: '关于数字基础设施建设的指导意见' }, { region: '某省' }).toDocId).toBe('op');
  });

  it('resolves defined short names kept as aliases', () => {
    expect(resolver.resolve({ title: '某建设意见全文' }).toDocId).toBe('nat');
  });

  it('resolves by 文号 when the title is not known', () => {
    expect(resolver.resolve({ docNumber: '国发[2015]50号' }).toDocId).toBe('numbered');
    expect(resolver.resolve({ title: '一个不在库中的标题', docNumber: '国发〔2015〕50号' }).toDocId).toBe('numbered');
  });

  it('returns every candidate when titles are ambiguous, never a guess', () => {
    const r = resolver.resolve({ title: '数据工作要点' });
    expect(r.status).toBe('ambiguous');
    expect(r.toDocId).toBeUndefined();
    expect(r.candidates?.map((c) => c.docId).sort()).toEqual(['dup-1', 'dup-2']);
  });

  it('marks a title naming the citing document itself as self (not a reference)', () => {
    expect(resolver.resolve({ title: '中华人民共和国数据安全法' }, { docId: 'data' }).self).toBe(true);
    expect(resolver.resolve({ title: '数据安全法', locator: { article: 3 } }, { docId: 'data' }).self).toBeUndefined();
  });
});

describe('resolution to clauses', () => {
  it('finds the article, paragraph and item ids', () => {
    expect(resolver.resolve({ title: '网络安全法', locator: { article: 21 } })).toMatchObject({
      status: 'resolved',
      toClauseId: 'net--art_21',
      toPath: ['net--art_21'],
      normalized: '《中华人民共和国网络安全法》第二十一条',
    });
    expect(resolver.resolve({ docId: 'net', locator: { article: 2, paragraph: 2, item: 3 } })).toMatchObject({
      toClauseId: 'net--art_2__para_2__item_三',
      toPath: ['net--art_2', 'net--art_2__para_2', 'net--art_2__para_2__item_三'],
      normalized: '《中华人民共和国网络安全法》第二条第二款第（三）项',
    });
  });

  it('says why an article does not exist', () => {
    const r = resolver.resolve({ title: '网络安全法', locator: { article: 80 } });
    expect(r.status).toBe('unresolved');
    expect(r.toDocId).toBe('net');
    expect(r.reason).toContain('has 79 articles; there is no 第八十条');
  });

  it('says why a paragraph or item does not exist', () => {
    expect(resolver.resolve({ docId: 'net', locator: { article: 2, paragraph: 4 } }).reason).toContain('there is no 第四款');
    expect(resolver.resolve({ docId: 'net', locator: { article: 2, paragraph: 2, item: 9 } }).reason).toContain('there is no 第（九）项');
  });

  it('keeps a catalogue entry as the target when the document is not in the corpus', () => {
    expect(resolver.resolve({ title: '某基础设施安全保护条例', locator: { article: 5 } })).toMatchObject({
      status: 'catalogue',
      catalogueId: 'cat-9',
      normalized: '《某基础设施安全保护条例》第五条',
    });
  });

  it('matches a catalogue entry cited with its issuer in front', () => {
    expect(resolver.resolve({ title: '工业和信息化部“十四五”大数据产业发展规划' })).toMatchObject({ status: 'catalogue', catalogueId: 'cat-48' });
  });

  it('keeps the words as cited when nothing fits', () => {
    const r = resolver.resolve({ title: '巴黎协定' });
    expect(r).toMatchObject({ status: 'unresolved', normalized: '《巴黎协定》' });
    expect(r.reason).toContain('巴黎协定');
  });
});

describe('parseCitation (human input)', () => {
  it.each([
    ['网络安全法第二十一条', '网络安全法', { article: 21 }],
    ['《中华人民共和国数据安全法》第31条', '中华人民共和国数据安全法', { article: 31 }],
    ['数据安全法 第三十一条第一款', '数据安全法', { article: 31, paragraph: 1 }],
    ['“数据安全法”第3条第2款第（1）项', '数据安全法', { article: 3, paragraph: 2, item: 1 }],
    ['网络安全法', '网络安全法', undefined],
  ])('%s', (cite, title, locator) => {
    const p = parseCitation(cite)!;
    expect(p.title).toBe(title);
    expect(p.locator).toEqual(locator);
  });

  it('reads a 文号', () => {
    expect(parseCitation('国发[2015]50号')).toMatchObject({ docNumber: '国发〔2015〕50号' });
  });

  it('returns undefined for text with nothing citable', () => {
    expect(parseCitation('   ')).toBeUndefined();
    expect(parseCitation('第二十一条')).toBeUndefined();
  });
});

describe('bare titles offered to free-text extraction', () => {
  it('lists titles and short forms ending in a type word, longest first', () => {
    expect(resolver.bareTitles).toContain('网络安全法');
    expect(resolver.bareTitles).toContain('中华人民共和国网络安全法');
    expect(resolver.bareTitles.indexOf('中华人民共和国网络安全法')).toBeLessThan(resolver.bareTitles.indexOf('网络安全法'));
  });
});
