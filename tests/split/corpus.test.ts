import { describe, expect, it } from 'vitest';
import { splitDocuments } from '../../ingest/split/index.js';
import { corpusText, FILES, manifest, normalizedFile, rawFile } from './helpers.js';

/** The compilation's documents as its table of contents names them (version apart). */
const COMPILATION_TITLES = [
  '大数据领域法律法规、政策文件汇编',
  '习近平总书记关于大数据重要论述摘编',
  '数字中国建设整体布局规划',
  '中华人民共和国网络安全法',
  '中华人民共和国数据安全法',
  '中华人民共和国个人信息保护法',
  '关键信息基础设施安全保护条例',
  '促进大数据发展行动纲要',
  '“十四五”数字经济发展规划',
  '关于加强数字政府建设的指导意见',
  '关于构建数据基础制度更好发挥数据要素作用的意见',
  '山东省大数据发展促进条例',
  '山东省电子政务和政务数据管理办法',
  '山东省公共数据开放办法',
  '山东省“十四五”数字强省建设规划',
  '山东省数字政府建设实施方案',
  '山东省数字政府建设“385”行动计划',
  '山东省支持数字经济发展的意见',
  '山东省数字基础设施建设的指导意见',
  '山东省“十四五”大数据产业发展规划',
  '大数据相关政策文件清单',
];

const flavours = [
  ['raw', rawFile],
  ['normalized', normalizedFile],
] as const;

describe.each(flavours)('the real corpus (%s text)', (_name, toFile) => {
  const split = (name: string) => {
    const file = toFile(corpusText(name), name);
    return { file, slices: splitDocuments(file, manifest.files[name]) };
  };

  it('cuts the compilation into its front matter and one document per TOC entry', () => {
    const { file, slices } = split(FILES.compilation);
    expect(slices.map((s) => s.title)).toEqual(COMPILATION_TITLES);
    const kinds = slices.map((s) => s.kind);
    expect(kinds[0]).toBe('compilation');
    expect(kinds.filter((k) => k === 'speeches')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'catalogue')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'law')).toHaveLength(3);
    expect(slices.slice(1).every((s) => s.partOf === 0)).toBe(true);
    expect(slices.find((s) => s.title.includes('385'))!.version).toBe('（会签稿）');
    expect(slices.flatMap((s) => s.messages).filter((m) => m.severity !== 'info')).toEqual([]);
    for (const s of slices) expect(s.text).toBe(file.text.slice(s.start, s.end));
  });

  it('starts each document at its title line and ends it before the next', () => {
    const { slices } = split(FILES.compilation);
    const key = (s: string) => s.replace(/[\s《》“”]/g, '');
    for (const [i, s] of slices.entries()) {
      if (i === 0 || s.kind === 'catalogue') continue;
      expect(key(s.text.split('\n')[0]!)).toBe(key(s.title));
      const next = slices[i + 1];
      if (next && next.kind !== 'catalogue') expect(s.text.includes(`\n${next.title}\n`)).toBe(false);
    }
    // Chapter dividers of the compilation belong to no document's end.
    expect(slices[1]!.text.trimEnd().endsWith('国家大数据法规政策')).toBe(false);
    expect(slices[10]!.text).not.toMatch(/\n山东省大数据法规政策\s*$/);
    // Laws run to their last article.
    expect(slices[3]!.text).toMatch(/第七十九条[^\n]*施行。$/);
  });

  it('reads the dates printed under titles in the compilation', () => {
    const { slices } = split(FILES.compilation);
    const byTitle = new Map(slices.map((s) => [s.title, s]));
    expect(byTitle.get('促进大数据发展行动纲要')!.date).toBe('2015-09');
    expect(byTitle.get('山东省大数据发展促进条例')!.date).toBe('2021-09');
    expect(slices[0]).toMatchObject({ issuer: '淄博市大数据局', date: '2023-11' });
  });

  it('splits the Markdown notice into the notice and the plan it issues', () => {
    const { slices } = split(FILES.notice);
    expect(slices.map((s) => s.kind)).toEqual(['notice', 'plan']);
    expect(slices[0]).toMatchObject({
      title: '关于印发《山东省数字基础设施建设行动方案（2024-2025年）》的通知',
      docNumber: '数字强省办发〔2023〕10号',
      date: '2023-11-14',
      issuer: '山东数字强省建设领导小组办公室',
    });
    expect(slices[1]).toMatchObject({ title: '山东省数字基础设施建设行动方案', version: '（2024-2025年）', attachmentOf: 0 });
    expect(slices[0]!.text).not.toContain('一、总体思路');
    expect(slices[1]!.text).toContain('一、总体思路');
  });

  it('titles the single documents from their title line or the manifest', () => {
    expect(split(FILES.threeYear).slices).toEqual([
      expect.objectContaining({ title: '山东省新基建三年行动方案', version: '（2020-2022年）', kind: 'plan' }),
    ]);
    expect(split(FILES.guidance).slices).toEqual([
      expect.objectContaining({ title: '山东省数字基础设施建设的指导意见', kind: 'opinion', date: '2020-03-23' }),
    ]);
    expect(split(FILES.province).slices).toEqual([
      expect.objectContaining({ title: '山东省“十四五”数字强省建设规划', kind: 'plan', date: '2021-07-19' }),
    ]);
  });
});
