import { describe, expect, it } from 'vitest';
import { createSegmenter } from '../../core/segment/index.js';
import { policyTerms } from '../../core/segment/policy-terms.js';
import { createDepartmentRegistry } from '../../core/departments/index.js';
import { containsPhrases, LONE_CHAR_AMONG, MEILI_MAX_QUERY_WORDS, planQuery } from '../../src/services/search-query.js';

const registry = createDepartmentRegistry({
  preferLevel: 'provincial',
  departments: [
    { name: '省工业和信息化厅', level: 'provincial', aliases: ['省工信厅'], abbreviations: ['工信厅'] },
    { name: '省大数据局', level: 'provincial', abbreviations: ['大数据局'] },
  ],
} as never);
const segmenter = createSegmenter({ userWords: [...registry.allNames(), ...policyTerms] });
const plan = (q: string) => planQuery(q, { segmenter, registry });

describe('planQuery', () => {
  it('segments like indexed text and folds traditional characters', () => {
    expect(plan('數據安全 5G').words).toEqual(['数据安全', '5G']);
  });

  it('drops particles and question words, unless nothing else is left', () => {
    const p = plan('政务数据共享有哪些原则');
    expect(p.words).toEqual(['政务', '数据共享', '原则']);
    expect(p.dropped).toEqual(expect.arrayContaining(['有', '哪些']));
    expect(plan('的').words).toEqual(['的']);
  });

  it('gives up a lone-character verb among several words when asked (understanding), never a level, unit or thesaurus word', () => {
    const loose = (q: string) => planQuery(q, { segmenter, registry, dropLoneVerbs: true });
    const p = loose('手机应用里藏了恶意程序病毒');
    expect(p.words).not.toContain('藏');
    expect(p.dropped).toContain('藏');
    // As typed (exact) the verb stays; with fewer than LONE_CHAR_AMONG longer words it stays too.
    expect(plan('手机应用里藏了恶意程序病毒').words).toContain('藏');
    expect(LONE_CHAR_AMONG).toBe(3);
    expect(loose('藏 恶意程序').words).toContain('藏');
    // 省 / 年 / 个 say what is asked about; 卖 is a thesaurus entry (出售 / 买卖).
    expect(loose('到2025年 全省 数据中心 机架 达到多少个').words).toEqual(expect.arrayContaining(['年']));
    expect(loose('商家 把 手机号码 卖 给 他人').words).toContain('卖');
  });

  it('keeps long queries within Meilisearch’s ten words, the most informative in typed order', () => {
    const q = '关键信息基础设施的运营者采购网络产品和服务可能影响国家安全的应当通过国家网信部门会同国务院有关部门组织的国家安全审查';
    const p = plan(q);
    expect(p.words.length).toBe(MEILI_MAX_QUERY_WORDS);
    expect(p.words).toEqual(expect.arrayContaining(['运营者', '采购']));
    const positions = p.words.map((w) => q.indexOf(w));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('resolves a department abbreviation to its canonical name, pinned first when relaxing', () => {
    const p = plan('5G 工信厅');
    expect(p.departments).toEqual([{ asWritten: '工信厅', canonical: '省工业和信息化厅' }]);
    expect(p.words).toEqual(['5G', '省工业和信息化厅']);
    expect(p.wordsByNeed[0]).toBe('省工业和信息化厅');
    expect(p.highlightTerms).toEqual(expect.arrayContaining(['工信厅', '省工业和信息化厅', '省工信厅']));
  });

  it('gives up a year before any subject word when relaxing, wherever it was typed', () => {
    expect(plan('2025年 充电桩').wordsByNeed).toEqual(['充电', '桩', '2025', '年']);
    expect(plan('到2030年底 算力 规模').wordsByNeed.slice(-2)).toEqual(['2030', '年底']);
    // A figure is no year: 11.2万个 keeps its typed place (given up first only because typed last).
    expect(plan('5G基站 11.2万个').wordsByNeed).toEqual(['5G', '基站', '11.2', '万个']);
    // The words searched keep the order typed; only the order of giving up changes.
    expect(plan('2025年 充电桩').words).toEqual(['2025', '年', '充电', '桩']);
  });

  it('treats a department-like name the registry lacks as a phrase, with suggestions', () => {
    const p = plan('省工业和信息化局 5G');
    expect(p.unknownDepartments).toEqual([{ asWritten: '省工业和信息化局', suggestions: expect.arrayContaining(['省工业和信息化厅']) }]);
    expect(p.phrases).toEqual(['省工业和信息化局']);
    expect(p.words).toContain('5G');
    // A known name written out with its province still resolves.
    expect(plan('山东省大数据局').departments.map((d) => d.canonical)).toEqual(['省大数据局']);
    // Not a body: no level word in front.
    expect(plan('大数据中心').unknownDepartments).toEqual([]);
  });

  it('takes “…”, "…" and 「…」 as phrases that must occur verbatim', () => {
    for (const q of ['“数据安全保护义务”', '"数据安全保护义务"', '「数据安全 保护义务」']) {
      expect(plan(q).phrases).toEqual(['数据安全保护义务']);
    }
    expect(containsPhrases('履行数据安全\n保护义务的', ['数据安全保护义务'], segmenter.fold)).toBe(true);
    expect(containsPhrases('数据安全和保护义务', ['数据安全保护义务'], segmenter.fold)).toBe(false);
  });

  it('marks Arabic and Chinese spellings of an article number, and what was typed together', () => {
    const p = plan('第12条 处理者');
    expect(p.words).toEqual(['第十二条', '处理', '者']);
    expect(p.highlightTerms).toEqual(expect.arrayContaining(['第十二条', '第12条', '处理者']));
    expect(p.highlightTerms).not.toContain('者');
  });

  it('marks an article number whole, never its parts (第二十 would mark 第二十五条)', () => {
    const p = plan('网络安全法第二十一条');
    expect(p.highlightTerms).toEqual(expect.arrayContaining(['第二十一条', '第21条', '安全法']));
    expect(p.highlightTerms.filter((t) => t.startsWith('第') && !['第二十一条', '第21条'].includes(t))).toEqual([]);
    expect(p.highlightTerms).not.toContain('二十一');
  });

  it('takes a 文号 typed with any brackets as a phrase, marked whole', () => {
    const p = plan('国发[2022]第14号 数字政府');
    expect(p.phrases).toEqual(['国发〔2022〕14号']);
    expect(p.words).toEqual(expect.arrayContaining(['2022', '14']));
    expect(p.highlightTerms).toEqual(expect.arrayContaining(['国发〔2022〕14号', '国发[2022]第14号']));
    expect(p.highlightTerms).not.toContain('2022');
    expect(containsPhrases('为贯彻落实《意见》（国发〔2022〕14号），制定本方案。', p.phrases, segmenter.fold)).toBe(true);
    expect(containsPhrases('根据国发[2022] 14 号文件', p.phrases, segmenter.fold)).toBe(true);
    expect(containsPhrases('根据国发〔2022〕4号文件，2022年14个项目', p.phrases, segmenter.fold)).toBe(false);
  });

  it('drops the noun that frames a question (有哪些要求), not one the text would use (哪些原则)', () => {
    expect(plan('政务数据共享有哪些要求').words).toEqual(['政务', '数据共享']);
    expect(plan('政务数据共享有哪些要求').dropped).toEqual(expect.arrayContaining(['哪些', '要求']));
    expect(plan('数据出境有什么规定').words).not.toContain('规定');
    expect(plan('应当遵循哪些原则').words).toContain('原则');
    expect(plan('数据共享要求').words).toContain('要求');
  });
});
