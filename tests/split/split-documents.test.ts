import { describe, expect, it } from 'vitest';
import { splitDocuments } from '../../ingest/split/index.js';
import type { DocumentSlice, NormalizedFile } from '../../ingest/stages.js';
import { COMPILATION, COMPILATION_TITLES, NOTICE_WITH_PLAN, UNTITLED } from './fixtures.js';
import { normalizedFile, rawFile } from './helpers.js';

const flavours = [
  ['raw', rawFile],
  ['normalized', normalizedFile],
] as const;

/** Slices are exact, ordered, non-overlapping cuts of the file text. */
function expectWellFormed(file: NormalizedFile, slices: DocumentSlice[]): void {
  slices.forEach((s, i) => {
    expect(s.index).toBe(i);
    expect(s.text).toBe(file.text.slice(s.start, s.end));
    expect(s.start).toBeLessThan(s.end);
    if (i > 0) expect(s.start).toBeGreaterThanOrEqual(slices[i - 1]!.end);
    // Blank lines around a document belong to no document.
    expect(s.text).not.toMatch(/^\n|\s$/);
  });
}

describe.each(flavours)('a notice issuing a plan (%s text)', (_name, toFile) => {
  const file = toFile(NOTICE_WITH_PLAN);
  const slices = splitDocuments(file);

  it('yields the notice and the plan, linked', () => {
    expectWellFormed(file, slices);
    expect(slices.map((s) => s.kind)).toEqual(['notice', 'plan']);
    expect(slices[1]!.attachmentOf).toBe(0);
    expect(slices[0]!.attachmentOf).toBeUndefined();
  });

  it('reads the GB/T 9704 head of the notice: organ, 文号 in 【】, a title over three lines, the signed date', () => {
    expect(slices[0]).toMatchObject({
      title: '某某省人民政府办公厅关于印发《某某省数据要素行动方案（2024-2026年）》的通知',
      issuer: '某某省人民政府办公厅',
      docNumber: '某政办字〔2024〕7号',
      date: '2024-03-05',
    });
  });

  it('titles the plan with its version apart, and lets it inherit the issuing organ and date', () => {
    expect(slices[1]).toMatchObject({
      title: '某某省数据要素行动方案',
      version: '（2024-2026年）',
      issuer: '某某省人民政府办公厅',
      date: '2024-03-05',
    });
    expect(slices[1]!.text.startsWith('某某省数据要素行动方案')).toBe(true);
    expect(slices[0]!.text).not.toContain('为加快培育数据要素市场');
    expect(slices[0]!.text).toContain('此件公开发布');
  });
});

describe.each(flavours)('a compilation with a table of contents (%s text)', (_name, toFile) => {
  const file = toFile(COMPILATION);
  const slices = splitDocuments(file);

  it('yields the front matter and one document per TOC entry, titled as the TOC has them', () => {
    expectWellFormed(file, slices);
    expect(slices.map((s) => s.title)).toEqual(COMPILATION_TITLES);
    expect(slices.map((s) => s.kind)).toEqual(['compilation', 'speeches', 'law', 'plan', 'opinion', 'regulation', 'plan', 'catalogue']);
    expect(slices.slice(1).every((s) => s.partOf === 0)).toBe(true);
    expect(slices[0]!.partOf).toBeUndefined();
  });

  it('keeps the front matter (title, compiler, date, TOC) in the compilation slice', () => {
    expect(slices[0]).toMatchObject({ issuer: '某某市数据局', date: '2024-05' });
    expect(slices[0]!.text).toContain('目');
    expect(slices[0]!.text).not.toContain('要加快数字化发展');
  });

  it('cuts each document from its title line to the next, leaving out chapter dividers', () => {
    const [, speeches, law, plan, opinion, regulation, draft, catalogue] = slices;
    expect(speeches!.text).toContain('——2021');
    expect(speeches!.text).not.toContain('国家法规政策');
    expect(law!.text).toMatch(/^中华人民共和国 ?甲法/);
    expect(law!.text).toContain('第二条 本法自2020年7月1日起施行');
    expect(law!.text).not.toContain('乙规划');
    expect(plan!.text).toMatch(/^十四五乙规划/);
    expect(opinion!.text).not.toContain('省级法规政策');
    expect(regulation!.text).toMatch(/^某省丁条例/);
    expect(draft!.version).toBe('（征求意见稿）');
    expect(catalogue!.text).toMatch(/^附表/);
  });

  it('reads dates and organs printed under the titles', () => {
    expect(slices[2]).toMatchObject({ date: '2020-06-01', issuer: '第十三届全国人民代表大会常务委员会' });
    expect(slices[3]!.date).toBe('2021-12');
    expect(slices[4]!.date).toBe('2022-06');
  });

  it('reports the fuzzy match of a title that lost its 的, not a missing entry', () => {
    const rules = slices[0]!.messages.map((m) => m.rule);
    expect(rules).toContain('split/toc-fuzzy-match');
    expect(rules).not.toContain('split/toc-entry-not-found');
  });
});

describe('problems become messages', () => {
  it('reports a TOC entry whose text is not in the body', () => {
    const missing = COMPILATION.replace(/某省丁条例\n\n第一条/, '第一条');
    const slices = splitDocuments(rawFile(missing, 'c.txt'));
    expect(slices.map((s) => s.title)).not.toContain('某省丁条例');
    const msg = slices[0]!.messages.find((m) => m.rule === 'split/toc-entry-not-found');
    expect(msg).toMatchObject({ severity: 'warning', path: 'c.txt' });
    expect(msg!.message).toContain('某省丁条例');
  });

  it('reports a notice whose attachment is not in the file', () => {
    const noticeOnly = NOTICE_WITH_PLAN.slice(0, NOTICE_WITH_PLAN.lastIndexOf('某某省数据要素行动方案\n（2024'));
    const slices = splitDocuments(rawFile(noticeOnly));
    expect(slices).toHaveLength(1);
    expect(slices[0]!.kind).toBe('notice');
    expect(slices[0]!.messages.map((m) => m.rule)).toContain('split/attachment-not-in-file');
  });
});

describe('a file without a title line', () => {
  it('takes title, issuer, date and kind from the manifest', () => {
    const slices = splitDocuments(rawFile(UNTITLED), { title: '某省某某建设的指导意见', issuer: '某省人民政府办公厅', date: '2020-03-23' });
    expect(slices).toHaveLength(1);
    expect(slices[0]).toMatchObject({ title: '某省某某建设的指导意见', kind: 'opinion', issuer: '某省人民政府办公厅', date: '2020-03-23' });
    expect(slices[0]!.messages.map((m) => m.rule)).toEqual(['split/title-from-manifest']);
  });

  it('falls back to the file name with a warning when nothing names it', () => {
    const slices = splitDocuments(rawFile(UNTITLED, 'dir/untitled-guidance.txt'));
    expect(slices[0]!.title).toBe('untitled-guidance');
    expect(slices[0]!.messages[0]).toMatchObject({ rule: 'split/no-title', severity: 'warning' });
  });

  it('prefers the text over the manifest, which only fills gaps', () => {
    const slices = splitDocuments(rawFile(NOTICE_WITH_PLAN), { title: '别的标题', date: '2024', kind: 'notice' });
    expect(slices[0]!.title).toContain('关于印发');
    expect(slices[0]!.date).toBe('2024-03-05');
  });
});

describe('single documents that look a little like something else', () => {
  it('does not take a plan whose 目录 lists its own headings and appendices for a compilation', () => {
    const plan = [
      '某省数字经济发展规划',
      '',
      '目  录',
      '一、发展基础……1',
      '二、总体要求……3',
      '附件1：重点项目清单',
      '附件2：任务分工表',
      '',
      '一、发展基础',
      '数字经济规模持续扩大。',
      '二、总体要求',
      '到2025年，数字经济核心产业增加值占比明显提升。',
      '附件1',
      '重点项目清单',
    ].join('\n');
    const slices = splitDocuments(rawFile(plan));
    expect(slices).toHaveLength(1);
    expect(slices[0]).toMatchObject({ title: '某省数字经济发展规划', kind: 'plan' });
  });

  it('separates a date glued to the title line', () => {
    const slices = splitDocuments(rawFile('某某发展行动纲要（2015年9月）\n\n为加快某某发展，制定本纲要。\n'));
    expect(slices[0]).toMatchObject({ title: '某某发展行动纲要', date: '2015-09' });
  });

  it('reads a signature at the end, but not a month in a schedule', () => {
    const signed = splitDocuments(rawFile('关于加强某某工作的意见\n\n各市人民政府：\n一、加强领导。\n\n某省人民政府\n2020年3月23日\n'));
    expect(signed[0]).toMatchObject({ kind: 'opinion', issuer: '某省人民政府', date: '2020-03-23' });
    const schedule = splitDocuments(rawFile('某某工作方案\n\n一、工作安排\n完成系统建设。\n2024年12月\n'));
    expect(schedule[0]!.date).toBeUndefined();
  });
});

describe('a compilation whose speech section lists bare years', () => {
  it('still finds every document', () => {
    const bare = COMPILATION.replace('一、2020 年度重要论述……3\n二、2021 年度重要论述……5', '2020 年\n2021 年');
    const slices = splitDocuments(rawFile(bare));
    expect(slices.map((s) => s.title)).toEqual(COMPILATION_TITLES);
    expect(slices[1]!.kind).toBe('speeches');
  });
});

describe('a compilation with unquoted titles grouped under numbered headings', () => {
  const text = [
    '某某法规选编',
    '',
    '目录',
    '一、法律',
    '1.中华人民共和国甲法……1',
    '2.中华人民共和国乙法……9',
    '二、地方性法规',
    '1.某省丙条例……20',
    '',
    '一、法律',
    '中华人民共和国甲法',
    '第一条 为了规范甲活动，制定本法。',
    '一、法律责任',
    '第二条 违反本法规定的，依法追究法律责任。',
    '中华人民共和国乙法',
    '第一条 为了规范乙活动，制定本法。',
    '',
    '二、地方性法规',
    '',
    '某省丙条例',
    '第一条 为了促进丙发展，制定本条例。',
  ].join('\n');

  it('cuts at the group headings printed above a group, not at look-alike headings inside a document', () => {
    const slices = splitDocuments(rawFile(text));
    expect(slices.map((s) => [s.kind, s.title])).toEqual([
      ['compilation', '某某法规选编'],
      ['law', '中华人民共和国甲法'],
      ['law', '中华人民共和国乙法'],
      ['regulation', '某省丙条例'],
    ]);
    expect(slices[1]!.text).toContain('一、法律责任');
    expect(slices[2]!.text).not.toContain('地方性法规');
    expect(slices[0]!.text).not.toMatch(/一、法律\s*$/);
  });
});

describe('a file holding two volumes, each with its own 目录', () => {
  const second = [
    '某某领域政策文件汇编（下册）',
    '',
    '某某市数据局',
    '2024年6月',
    '',
    '目  录',
    '',
    '一、《某市己办法》 1',
    '二、《某市庚实施方案》 9',
    '',
    '某市己办法',
    '第一条 为了规范己工作，制定本办法。',
    '第二条 本办法自2024年7月1日起施行。',
    '',
    '某市庚实施方案',
    '一、总体要求',
    '到2025年，庚建设取得明显成效。',
  ].join('\n');
  const file = rawFile(`${COMPILATION}\n\n${second}`);
  const slices = splitDocuments(file);

  it('splits both volumes, each document part of its own volume', () => {
    expectWellFormed(file, slices);
    const volumes = slices.filter((s) => s.kind === 'compilation');
    expect(volumes).toHaveLength(2);
    const [one, two] = volumes.map((v) => v.index);
    expect(slices.map((s) => s.title)).toEqual([...COMPILATION_TITLES, '某某领域政策文件汇编（下册）', '某市己办法', '某市庚实施方案']);
    expect(slices.slice(1, COMPILATION_TITLES.length).every((s) => s.partOf === one)).toBe(true);
    expect(slices.slice(two! + 1).every((s) => s.partOf === two)).toBe(true);
    expect(slices[two!]).toMatchObject({ issuer: '某某市数据局', date: '2024-06' });
  });

  it('ends the first volume\'s last document above the second volume\'s title page', () => {
    const lastOfFirst = slices[COMPILATION_TITLES.length - 1]!;
    expect(lastOfFirst.text).not.toContain('下册');
    expect(lastOfFirst.text).not.toContain('某某市数据局');
    expect(slices[COMPILATION_TITLES.length]!.text).toMatch(/^某某领域政策文件汇编（下册）/);
  });
});

describe('a plan whose 目录 outlines its own headings', () => {
  const text = [
    '某市数字乡村发展规划',
    '',
    '目  录',
    '一、发展基础',
    '二、总体要求',
    '（一）指导思想',
    '（二）发展目标',
    '三、重点任务',
    '（一）实施乡村信息基础设施提升计划',
    '（二）推进智慧农业示范工程方案',
    '（三）健全乡村数字治理体系',
    '四、保障措施',
    '',
    '一、发展基础',
    '某市乡村信息化水平稳步提升。',
    '二、总体要求',
    '（一）指导思想',
    '坚持统筹推进。',
  ].join('\n');

  it('is one document, not a compilation of the headings that end in a type word', () => {
    const slices = splitDocuments(rawFile(text));
    expect(slices.map((s) => [s.kind, s.title])).toEqual([['plan', '某市数字乡村发展规划']]);
  });
});
