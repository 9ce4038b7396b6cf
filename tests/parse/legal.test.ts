import { describe, expect, it } from 'vitest';
import { parseDocument, countNodesByKind, findNodeByLabelPath } from '../../ingest/parse/index.js';
import { walk, type PolicyNode } from '../../core/model/tree.js';
import { corpusFile, documentInFile, fixture, grepArticles, textSlice } from './helpers.js';

const kids = (n: PolicyNode, kind: string): PolicyNode[] => n.children.filter((c) => c.kind === kind);
const all = (root: PolicyNode, kind: string): PolicyNode[] => [...walk(root)].map(([n]) => n).filter((n) => n.kind === kind);

describe('legal texts: synthetic law with 编 and 节', () => {
  const doc = parseDocument(textSlice(fixture('law-parts-sections.txt'), { title: '示范数据管理法', kind: 'law' }), 'doc-law');
  const root = doc.root;

  it('builds parts, chapters restarting per part, and sections', () => {
    const parts = kids(root, 'part');
    expect(parts.map((p) => [p.label, p.heading])).toEqual([
      ['第一编', '总则'],
      ['第二编', '分则'],
    ]);
    expect(kids(parts[1]!, 'chapter').map((c) => c.eId)).toEqual(['part_2__chp_1', 'part_2__chp_2']);
    const sections = all(root, 'section');
    expect(sections.map((s) => s.eId)).toEqual(['part_2__chp_1__sec_1', 'part_2__chp_1__sec_2']);
    expect(sections[0]!.citation).toBe('《示范数据管理法》第二编第一章第一节');
  });

  it('keeps the contents list as one block and never duplicates chapters', () => {
    expect(countNodesByKind(root).chapter).toBe(4);
    const toc = root.children.find((c) => c.data?.role === 'toc');
    expect(toc?.kind).toBe('block');
    expect(toc?.text).toContain('第二节 特别要求');
    expect(root.children[0]).toMatchObject({ kind: 'block', data: { role: 'title' } });
    expect(root.children[1]).toMatchObject({ kind: 'block', data: { role: 'date' } });
  });

  it('puts each article under its section or chapter, 之一 articles included', () => {
    const art4 = findNodeByLabelPath(root, ['第一节', '第四条'])!;
    expect(art4.eId).toBe('part_2__chp_1__sec_1__art_4');
    const art31 = findNodeByLabelPath(root, ['第三条之一'])!;
    expect(art31.eId).toBe('part_1__chp_2__art_3-1');
    expect(all(root, 'article')).toHaveLength(8);
  });

  it('splits paragraphs (款), items (项) and subitems (目) with legal citations', () => {
    const art4 = findNodeByLabelPath(root, ['第四条'])!;
    const paras = kids(art4, 'paragraph');
    expect(paras.map((p) => p.label)).toEqual(['第一款', '第二款']);
    expect(paras[1]!.text).toBe('违反前款规定的，由有关主管部门责令改正。');
    const item1 = kids(paras[0]!, 'item')[0]!;
    expect(item1.citation).toBe('《示范数据管理法》第四条第一款第（一）项');
    const sub2 = kids(item1, 'subitem')[1]!;
    expect(sub2).toMatchObject({ label: '2.', citation: '《示范数据管理法》第四条第一款第（一）项第2目' });
    // An article with one paragraph: its items are cited from the article.
    const art3item = findNodeByLabelPath(root, ['第三条', '（二）'])!;
    expect(art3item.citation).toBe('《示范数据管理法》第三条第（二）项');
  });

  it('does not take a paragraph that cites an article for a new article', () => {
    const art6 = findNodeByLabelPath(root, ['第六条'])!;
    expect(kids(art6, 'paragraph')).toHaveLength(2);
    expect(kids(art6, 'paragraph')[1]!.text.startsWith('第四条规定的义务')).toBe(true);
    expect(doc.messages.filter((m) => m.rule === 'parse/numbering-gap')).toEqual([]);
  });

  it('gives an article its whole text and a paragraph only its own', () => {
    const art2 = findNodeByLabelPath(root, ['第二条'])!;
    expect(art2.text).toBe(
      '第二条 本法所称数据，是指任何以电子或者其他方式对信息的记录。\n数据处理，包括数据的收集、存储、使用、加工、传输、提供、公开等。',
    );
    expect(kids(art2, 'paragraph')[0]!.text).toBe('本法所称数据，是指任何以电子或者其他方式对信息的记录。');
    const chapter = findNodeByLabelPath(root, ['第二编', '第二章'])!;
    expect(chapter.text).toBe('第二章 法律责任');
  });
});

describe('legal texts: no chapters, raw-ish numbering, a gap', () => {
  const doc = parseDocument(textSlice(fixture('law-no-chapters.txt'), { title: '示范公共数据开放办法', kind: 'rules' }), 'doc-rules');
  const root = doc.root;

  it('hangs articles under the document when there is no 章', () => {
    expect(kids(root, 'article').map((a) => a.eId)).toEqual(['art_1', 'art_2', 'art_3', 'art_4', 'art_6']);
    expect(kids(root, 'article')[1]!.label).toBe('第2条');
  });

  it('reads (一) and 1、 as items and subitems', () => {
    const art3 = findNodeByLabelPath(root, ['第三条'])!;
    expect(all(art3, 'item').map((i) => i.label)).toEqual(['（一）', '（二）']);
    const item = findNodeByLabelPath(root, ['第四条', '（一）'])!;
    expect(kids(item, 'subitem').map((s) => s.label)).toEqual(['1.', '2.']);
    expect(item.citation).toBe('《示范公共数据开放办法》第四条第一款第（一）项');
  });

  it('reports a numbering gap as a message, with an offset in the original file', () => {
    const gaps = doc.messages.filter((m) => m.rule === 'parse/numbering-gap');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.severity).toBe('warning');
    const text = fixture('law-no-chapters.txt');
    expect(text.slice(gaps[0]!.offset!).startsWith('第六条')).toBe(true);
  });
});

describe('legal texts in the real compilation', () => {
  const file = corpusFile('zibo-big-data-laws-and-policies-compilation-2023.txt');
  // Each law is located by its own title line and ends at the next document's title line.
  const laws = [
    { title: '中华人民共和国网络安全法', next: '中华人民共和国数据安全法', kind: 'law', articles: 79, chapters: 7 },
    { title: '中华人民共和国数据安全法', next: '中华人民共和国个人信息保护法', kind: 'law', articles: 55, chapters: 7 },
    { title: '中华人民共和国个人信息保护法', next: '关键信息基础设施安全保护条例', kind: 'law', articles: 74, chapters: 8 },
    { title: '关键信息基础设施安全保护条例', next: '促进大数据发展行动纲要', kind: 'regulation', articles: 51, chapters: 6 },
    { title: '山东省大数据发展促进条例', next: '山东省电子政务和政务数据管理办法', kind: 'regulation', articles: 52, chapters: 8 },
    { title: '山东省电子政务和政务数据管理办法', next: '山东省公共数据开放办法', kind: 'rules', articles: 40, chapters: 7 },
    { title: '山东省公共数据开放办法', next: '山东省“十四五”数字强省建设规划', kind: 'rules', articles: 23, chapters: 0 },
  ] as const;

  for (const law of laws) {
    it(`${law.title}: ${law.articles} articles, each under its chapter, each with paragraphs`, () => {
      const slice = documentInFile(file, law.title, law.next, law.kind);
      const doc = parseDocument(slice, 'doc-real');
      const articles = all(doc.root, 'article');
      expect(articles).toHaveLength(law.articles);
      // The hand count with grep over the same text agrees.
      expect(grepArticles(slice.text)).toBe(law.articles);
      expect(articles.map((a) => a.eId.match(/art_(\d+)$/)![1]).map(Number)).toEqual(
        Array.from({ length: law.articles }, (_, i) => i + 1),
      );
      expect(all(doc.root, 'chapter')).toHaveLength(law.chapters);
      for (const [node, ancestors] of walk(doc.root)) {
        if (node.kind !== 'article') continue;
        if (law.chapters) expect(ancestors.some((a) => a.kind === 'chapter')).toBe(true);
        expect(kids(node, 'paragraph').length).toBeGreaterThan(0);
      }
      expect(doc.messages.filter((m) => m.rule === 'parse/numbering-gap')).toEqual([]);
    });
  }

  const cyber = parseDocument(documentInFile(file, laws[0].title, laws[0].next, 'law'), 'doc-cyber');

  it('第二十一条 has its items （一）…（五） in its first paragraph', () => {
    const art21 = findNodeByLabelPath(cyber.root, ['第三章', '第一节', '第二十一条'])!;
    expect(art21.citation).toBe('《中华人民共和国网络安全法》第二十一条');
    const items = all(art21, 'item');
    expect(items.map((i) => i.label)).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）']);
    expect(items[4]!.citation).toBe('《中华人民共和国网络安全法》第二十一条第（五）项');
    expect(art21.text.endsWith('（五）法律、行政法规规定的其他义务。')).toBe(true);
  });

  it('第六十四条 ends where 第六十五条 starts', () => {
    const a64 = findNodeByLabelPath(cyber.root, ['第六十四条'])!;
    const a65 = findNodeByLabelPath(cyber.root, ['第六十五条'])!;
    const between = cyber.text.slice(a64.position.end.offset, a65.position.start.offset);
    expect(between.trim()).toBe('');
    expect(a64.text).not.toContain('第六十五条');
    expect(kids(a64, 'paragraph').length).toBeGreaterThanOrEqual(2);
  });

  it('a chapter list (目录) before the body becomes one block, not chapters', () => {
    const doc = parseDocument(documentInFile(file, laws[4].title, laws[4].next, 'regulation'), 'doc-sd');
    const toc = doc.root.children.filter((c) => c.data?.role === 'toc');
    expect(toc).toHaveLength(1);
    expect(toc[0]!.text.split('\n')).toHaveLength(9);
    expect(all(doc.root, 'chapter').map((c) => c.heading)).toContain('总则');
  });
});

describe('legal texts: repeated numbers and an attachment after the articles', () => {
  const text = [
    '示范条例',
    '第一条 为了规范管理，制定本条例。',
    '第二条 本条例适用于本省。',
    '第二条 本条例由省人民政府负责解释。',
    '第三条 本条例自公布之日起施行。',
    '附件2',
    '示范目录',
    '一、公共数据',
    '（一）人口数据',
  ].join('\n');
  const doc = parseDocument(textSlice(text, { title: '示范条例', kind: 'regulation' }), 'doc-dup');

  it('disambiguates a repeated article number with _b and reports it', () => {
    expect(all(doc.root, 'article').map((a) => a.eId)).toEqual(['art_1', 'art_2', 'art_2_b', 'art_3']);
    expect(doc.messages.map((m) => m.rule).sort()).toEqual(['parse/duplicate-eid', 'parse/numbering-gap']);
    expect(doc.messages.find((m) => m.rule === 'parse/duplicate-eid')!.offset).toBe(text.indexOf('第二条 本条例由'));
  });

  it('parses what follows an 附件 marker as an attachment, not as paragraphs of the last article', () => {
    const last = findNodeByLabelPath(doc.root, ['第三条'])!;
    expect(last.children).toHaveLength(1);
    const att = findNodeByLabelPath(doc.root, ['附件2'])!;
    expect(att).toMatchObject({ kind: 'heading', eId: 'att_2', heading: '示范目录' });
    expect(findNodeByLabelPath(att, ['一、', '（一）'])!.citation).toBe('《示范条例》附件2第一部分（一）');
  });
});
