import { describe, expect, it } from 'vitest';
import { extractAliasDefinitions, extractReferences, type RawReference } from '../../core/references/index.js';

/** The parts of a reference a test usually cares about. */
const brief = (r: RawReference) => ({
  anchor: r.anchor,
  text: r.text,
  ...(r.title ? { title: r.title } : {}),
  ...(r.locator ? { locator: r.locator } : {}),
});

describe('titles in 《》 and their variants', () => {
  it('finds a title in 《》 with its span', () => {
    const text = '适用《中华人民共和国网络安全法》的规定';
    const [r] = extractReferences(text);
    expect(r).toMatchObject({ anchor: 'title', title: '中华人民共和国网络安全法', start: 2, end: 16 });
    expect(text.slice(r!.start, r!.end)).toBe('《中华人民共和国网络安全法》');
  });

  it('accepts «» (PDF extraction) and folds full-width digits in the title', () => {
    const [r] = extractReferences('根据 «数字发展规划 (２０１８－２０２２年)»,制定本规划.');
    expect(r!.title).toBe('数字发展规划（2018－2022年）');
    expect(r!.text).toBe('«数字发展规划 (２０１８－２０２２年)»');
  });

  it('rejoins a title broken across a page break', () => {
    const text = '根据«某省国民经济和社\n\n会发展第十四个五年规划纲要»，制定本规划。';
    const [r] = extractReferences(text);
    expect(r!.title).toBe('某省国民经济和社会发展第十四个五年规划纲要');
    expect(r!.text).toContain('\n\n');
  });

  it('keeps version suffixes, inside or right after the marks', () => {
    expect(extractReferences('《某市数据条例（试行）》').map((r) => r.title)).toEqual(['某市数据条例（试行）']);
    expect(extractReferences('《某市行动计划》（2024-2025年）要求').map((r) => r.title)).toEqual(['某市行动计划（2024-2025年）']);
    expect(extractReferences('《某管理办法（征求意见稿）》').map((r) => r.title)).toEqual(['某管理办法（征求意见稿）']);
  });

  it('reads a nested title as one citation with its inner title', () => {
    const [r, ...rest] = extractReferences('按照《关于印发〈某市奖励办法〉的通知》执行；《关于印发《某县规划》的通知》');
    expect(rest).toHaveLength(1);
    expect(r).toMatchObject({ title: '关于印发〈某市奖励办法〉的通知', innerTitles: ['某市奖励办法'] });
    expect(rest[0]).toMatchObject({ title: '关于印发〈某县规划〉的通知', innerTitles: ['某县规划'] });
  });

  it('ignores a stray 《 with no closing mark before the sentence ends', () => {
    expect(extractReferences('数量《不详。后文》')).toEqual([]);
  });

  it('takes a quoted title only when it is known or unmistakably shaped like one', () => {
    expect(extractReferences('实施“十四五”规划和“互联网+”行动计划，推进“区块链+执法”')).toEqual([]);
    expect(extractReferences('按照“某省公共数据开放管理办法”执行').map((r) => r.title)).toEqual(['某省公共数据开放管理办法']);
    expect(extractReferences('依照“数据安全法”规定', { bareTitles: ['数据安全法'] }).map((r) => r.title)).toEqual(['数据安全法']);
  });
});

describe('文号', () => {
  it('normalizes bracket variants to 〔〕', () => {
    const refs = extractReferences('按照国发[2015]50号、鲁政办字【2020】34号和某办发（2023）10号及某发〔２０２１〕 ３ 号');
    expect(refs.map((r) => r.docNumber)).toEqual(['国发〔2015〕50号', '鲁政办字〔2020〕34号', '某办发〔2023〕10号', '某发〔2021〕3号']);
    expect(refs[0]!.text).toBe('国发[2015]50号');
  });

  it('joins a 文号 in brackets after a title to that title', () => {
    const refs = extractReferences('《国务院关于加强某项建设的指导意见》（国发〔2022〕14号）');
    expect(refs).toHaveLength(1);
    expect(refs[0]).toMatchObject({ title: '国务院关于加强某项建设的指导意见', docNumber: '国发〔2022〕14号' });
    expect(refs[0]!.text).toBe('《国务院关于加强某项建设的指导意见》（国发〔2022〕14号）');
  });
});

describe('article-level citations', () => {
  it('reads 《X》第N条, 第N条第M款 and 第N条第M款第K项 in Chinese or Arabic numerals', () => {
    expect(extractReferences('《某法》第二十一条').map(brief)).toEqual([
      { anchor: 'title', text: '《某法》第二十一条', title: '某法', locator: { article: 21 } },
    ]);
    expect(extractReferences('《某法》第31条第1款').map((r) => r.locator)).toEqual([{ article: 31, paragraph: 1 }]);
    expect(extractReferences('《某条例》第十条第二款第（三）项').map((r) => r.locator)).toEqual([{ article: 10, paragraph: 2, item: 3 }]);
    expect(extractReferences('《某条例》第一百零五条第三项').map((r) => r.locator)).toEqual([{ article: 105, item: 3 }]);
  });

  it('reads 本法/本条例/本办法 第N条 as citing the document itself', () => {
    const refs = extractReferences('违反本法第二十七条规定；依照本条例第五条；本办法第三条第二款');
    expect(refs.map((r) => [r.anchor, r.text, r.locator])).toEqual([
      ['self', '本法第二十七条', { article: 27 }],
      ['self', '本条例第五条', { article: 5 }],
      ['self', '本办法第三条第二款', { article: 3, paragraph: 2 }],
    ]);
  });

  it('expands lists, each entry with its own span, later entries inheriting the article', () => {
    const text = '违反本法第二十二条第一款、第二款和第四十八条第一款规定';
    const refs = extractReferences(text);
    expect(refs.map((r) => [r.text, r.locator])).toEqual([
      ['本法第二十二条第一款', { article: 22, paragraph: 1 }],
      ['第二款', { article: 22, paragraph: 2 }],
      ['第四十八条第一款', { article: 48, paragraph: 1 }],
    ]);
    for (const r of refs) expect(text.slice(r.start, r.end)).toBe(r.text);
  });

  it('expands ranges (至) at the level the end names', () => {
    const refs = extractReferences('违反本法第二十二条第三款、第四十一条至第四十三条规定');
    expect(refs.map((r) => r.locator)).toEqual([
      { article: 22, paragraph: 3 },
      { article: 41 },
      { article: 42 },
      { article: 43 },
    ]);
    expect(refs.slice(1).map((r) => r.text)).toEqual(['第四十一条至第四十三条', '第四十一条至第四十三条', '第四十一条至第四十三条']);
  });

  it('reads a list of articles after a title as citing that title', () => {
    const refs = extractReferences('《某法》第二十七条、第二十九条、第三十条');
    expect(refs.map((r) => [r.title, r.locator?.article])).toEqual([
      ['某法', 27],
      ['某法', 29],
      ['某法', 30],
    ]);
  });

  it('reads 该法第N条 as the title cited just before', () => {
    const refs = extractReferences('依照《某法》有关规定；该法第十条另有规定的');
    expect(refs.map((r) => [r.title, r.locator])).toEqual([
      ['某法', undefined],
      ['某法', { article: 10 }],
    ]);
  });
});

describe('relative citations', () => {
  const ctx = { legal: true, article: 18, paragraph: 3 };
  it('前款, 前两款, 前条 and 本条第二款 point inside the same document', () => {
    expect(extractReferences('依照前款规定处罚', ctx).map((r) => r.locator)).toEqual([{ article: 18, paragraph: 2 }]);
    expect(extractReferences('前两款规定的部门', ctx).map((r) => r.locator)).toEqual([
      { article: 18, paragraph: 1 },
      { article: 18, paragraph: 2 },
    ]);
    expect(extractReferences('告知前条第一款规定的事项', ctx).map((r) => r.locator)).toEqual([{ article: 17, paragraph: 1 }]);
    expect(extractReferences('本条第二款规定的情形', ctx).map((r) => r.locator)).toEqual([{ article: 18, paragraph: 2 }]);
    expect(extractReferences('有前款第二项至第四项规定情形的', ctx).map((r) => r.locator)).toEqual([
      { article: 18, paragraph: 2, item: 2 },
      { article: 18, paragraph: 2, item: 3 },
      { article: 18, paragraph: 2, item: 4 },
    ]);
    expect(extractReferences('依照前款规定', ctx).every((r) => r.anchor === 'relative')).toBe(true);
  });

  it('reads a bare 第二款 inside an article as that article’s paragraph', () => {
    expect(extractReferences('告知第一款规定事项的', ctx).map((r) => [r.anchor, r.locator])).toEqual([
      ['relative', { article: 18, paragraph: 1 }],
    ]);
  });

  it('reads a bare 第N条 in a legal text as the same document, but not the article’s own number', () => {
    const refs = extractReferences('第六十条 依照第十条规定处理', { legal: true, article: 60, paragraph: 1 });
    expect(refs.map((r) => [r.anchor, r.locator])).toEqual([['self', { article: 10 }]]);
  });

  it('leaves bare article numbers alone outside legal texts', () => {
    expect(extractReferences('出台“数据二十条”，落实第十条措施')).toEqual([]);
  });

  it('flags a relative citation with no enclosing paragraph instead of guessing', () => {
    const [r] = extractReferences('依照前款规定', { legal: true });
    expect(r).toMatchObject({ anchor: 'relative', problem: expect.stringContaining('前款') });
    expect(r!.locator).toBeUndefined();
  });

  it('yields nothing for a document naming itself without an article', () => {
    expect(extractReferences('本法自2017年6月1日起施行。本规划期限为五年，本条规定的', { legal: true, article: 79 })).toEqual([]);
  });

  it('does not read 根本法 or 基本法 as 本法', () => {
    expect(extractReferences('宪法是根本法第一条', { legal: false })).toEqual([]);
  });
});

describe('short names', () => {
  it('finds the definition and resolves later uses to the full title', () => {
    const text = '印发了《某国建设整体布局规划》（以下简称《规划》），并发出通知。《规划》指出，要按照“规划”推进。';
    expect(extractAliasDefinitions(text)).toEqual([
      expect.objectContaining({ alias: '规划', title: '某国建设整体布局规划' }),
    ]);
    const refs = extractReferences(text);
    expect(refs.map((r) => [r.text, r.title, r.alias])).toEqual([
      ['《某国建设整体布局规划》', '某国建设整体布局规划', undefined],
      ['《规划》', '某国建设整体布局规划', '规划'],
      ['“规划”', '某国建设整体布局规划', '规划'],
    ]);
  });

  it('takes definitions made earlier in the document from the context', () => {
    const refs = extractReferences('落实《规划》部署', { aliases: { 规划: '某国建设整体布局规划' } });
    expect(refs[0]).toMatchObject({ title: '某国建设整体布局规划', alias: '规划', relation: 'implements' });
  });

  it('does not take a term definition after a plain noun for a document name', () => {
    expect(extractAliasDefinitions('强化关键信息基础设施运营者（以下简称运营者）主体责任')).toEqual([]);
  });
});

describe('relations', () => {
  it('根据/依据 → basis, 贯彻/落实 → implements, otherwise mentions', () => {
    const rel = (t: string) => extractReferences(t).map((r) => r.relation);
    expect(rel('根据《某法》《某条例》等法律，制定本办法')).toEqual(['basis', 'basis']);
    expect(rel('依据《某法》第十条')).toEqual(['basis']);
    expect(rel('为贯彻落实《某规划》，制定本方案')).toEqual(['implements']);
    expect(rel('为贯彻《甲规划》总体精神，落实《乙规划》各项任务')).toEqual(['implements', 'implements']);
    expect(rel('出台《某办法》等文件')).toEqual(['mentions']);
  });

  it('keeps a keyword to its clause: a comma ends its reach', () => {
    expect(extractReferences('根据实际情况，出台《某办法》').map((r) => r.relation)).toEqual(['mentions']);
  });

  it('ignores keywords inside other titles', () => {
    expect(extractReferences('《关于贯彻某精神的意见》和《某办法》').map((r) => r.relation)).toEqual(['mentions', 'mentions']);
  });
});

describe('titles without marks (known titles only)', () => {
  const bareTitles = ['数据安全法', '个人信息保护法', '中华人民共和国网络安全法', '网络安全法'];
  it('finds known titles, the longest at each place', () => {
    const refs = extractReferences('推动出台数据安全法、个人信息保护法，实施中华人民共和国网络安全法第二十一条', { bareTitles });
    expect(refs.map((r) => [r.title, r.locator])).toEqual([
      ['数据安全法', undefined],
      ['个人信息保护法', undefined],
      ['中华人民共和国网络安全法', { article: 21 }],
    ]);
  });

  it('does not cut a title out of a longer word', () => {
    expect(extractReferences('完善网络安全法律法规和网络安全法规体系', { bareTitles })).toEqual([]);
  });

  it('finds none without the library’s titles', () => {
    expect(extractReferences('推动出台数据安全法')).toEqual([]);
  });
});

describe('the enacting formula (根据…，制定本法)', () => {
  const cited = (text: string) => extractReferences(text).map((r) => [r.text, r.title, r.relation]);

  it('cites the bare Constitution by its full title, as the basis', () => {
    const text = '为了保护个人信息权益，根据宪法，制定本法。';
    const [ref] = extractReferences(text);
    expect(cited(text)).toEqual([['宪法', '中华人民共和国宪法', 'basis']]);
    expect(text.slice(ref!.start, ref!.end)).toBe('宪法');
  });

  it('reads every law of the list, bare or marked, the 和 of 共和国 included', () => {
    expect(cited('根据宪法和《中华人民共和国网络安全法》，制定本条例。')).toEqual([
      ['宪法', '中华人民共和国宪法', 'basis'],
      ['《中华人民共和国网络安全法》', '中华人民共和国网络安全法', 'basis'],
    ]);
    expect(cited('根据中华人民共和国宪法、刑法，制定本规定')).toEqual([
      ['中华人民共和国宪法', '中华人民共和国宪法', 'basis'],
      ['刑法', '刑法', 'basis'],
    ]);
    expect(cited('根据某某安全法、某某保护法和某某促进法等法律，制定本条例').map(([t]) => t)).toEqual(['某某安全法', '某某保护法', '某某促进法']);
  });

  it('leaves what is not a law’s name, and 根据宪法 outside the formula', () => {
    expect(cited('根据本法和有关法律，制定本办法')).toEqual([]);
    expect(cited('根据国家有关规定，制定本办法')).toEqual([]);
    expect(cited('根据宪法规定，公民享有言论自由')).toEqual([]);
    expect(cited('根据科学方法和各地有效做法，制定本办法')).toEqual([]);
  });
});

describe('article headings are not citations', () => {
  it('skips the article number opening a line, with or without a space after it', () => {
    const ctx = { legal: true, article: 3, paragraph: 1 };
    expect(extractReferences('第三条 国家保护数据。', ctx)).toEqual([]);
    expect(extractReferences('第三条国家保护数据。', ctx)).toEqual([]);
    expect(extractReferences('第三条\u3000国家依照第二条规定保护数据。', ctx).map((r) => r.locator)).toEqual([{ article: 2 }]);
  });
});

describe('relative citations outside legal texts', () => {
  it('are left alone: a plan has no 款 to point at', () => {
    expect(extractReferences('依照前款规定，按前条执行，本条第二款')).toEqual([]);
  });
});
