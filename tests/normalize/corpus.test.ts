/**
 * The normalize stage on the five real corpus files: the known page-break and
 * hard-wrap damage is repaired, titles stay apart, offsets lead back to the
 * original words, and normalizing twice changes nothing.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { listCorpusFiles, readSourceFile } from '../../ingest/read/index.js';
import { normalizeText, normalizeTextWithReport, originalSlice, type CleanerReport } from '../../ingest/normalize/index.js';
import { continuesInto } from '../../ingest/normalize/cleaners/rejoin.js';
import { displayWidth, HAN } from '../../core/patterns/characters.js';
import { endsSentence, opensBlock } from '../../core/patterns/numbering.js';
import type { NormalizedFile, SourceFile } from '../../ingest/stages.js';
import { prng } from './prng.js';

const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../corpus');
const GUIDANCE = 'shandong-digital-infrastructure-guidance-2020.txt';
const ACTION_PLAN = 'shandong-digital-infrastructure-action-plan-2024-2025.md';
const THREE_YEAR = 'shandong-new-infrastructure-three-year-action-plan-2020-2022.txt';
const PROVINCE_PLAN = 'shandong-14th-five-year-digital-province-plan-2021.txt';
const COMPILATION = 'zibo-big-data-laws-and-policies-compilation-2023.txt';

const sources = new Map<string, SourceFile>();
const results = new Map<string, { file: NormalizedFile; report: CleanerReport[] }>();
const norm = (name: string): NormalizedFile => results.get(name)!.file;
const lines = (name: string): string[] => norm(name).text.split('\n');
const lineWith = (name: string, needle: string): string => {
  const found = lines(name).filter((l) => l.includes(needle));
  expect(found, needle).toHaveLength(1);
  return found[0]!;
};
const rejoined = (name: string): number => results.get(name)!.report.find((r) => r.name === 'rejoin-broken-lines')!.edits;

beforeAll(async () => {
  for (const abs of await listCorpusFiles([CORPUS])) {
    const r = await readSourceFile(abs, path.relative(CORPUS, abs));
    if (!r.ok) throw new Error(r.message.message);
    sources.set(r.file.path, r.file);
    results.set(r.file.path, normalizeTextWithReport(r.file));
  }
});

describe('page breaks and hard wraps are repaired', () => {
  it('rejoins "到 2025" / "" / "年，培育…" into its item', () => {
    const line = lineWith(ACTION_PLAN, '到2025年，培育形成以济南为中心的量子技术产业集群');
    expect(line.startsWith('5.推广量子通信网络应用。')).toBe(true);
    expect(line.endsWith('（责任单位：省科技厅，济南市人民政府）')).toBe(true);
  });

  it('rejoins a responsibility note cut in two, and a short item cut by the page', () => {
    expect(lineWith(ACTION_PLAN, '7.构建高效协同的算力网络。').endsWith('（责任单位：省大数据局、省工业和信息化厅、省通信管理局）')).toBe(true);
    expect(lineWith(ACTION_PLAN, '1.主动融入国家超算互联网')).toBe('1.主动融入国家超算互联网，重点支持济南、青岛国家E级超算中心等省内节点建设。');
  });

  it('rebuilds the paragraphs of the file hard-wrapped every 28 characters', () => {
    const first = lines(PROVINCE_PLAN)[0]!;
    expect(first.startsWith('为深入贯彻落实习近平总书记关于建设网络强国、数字中国、智慧社会的战略部署，')).toBe(true);
    expect(first.endsWith('本规划基期为2020年，规划期限为2021-2025年。')).toBe(true);
    expect(lineWith(PROVINCE_PLAN, '其中青岛港集装箱装卸智能化水平领先全国。')).toMatch(/^数字基础设施持续升级。/);
    expect(rejoined(PROVINCE_PLAN)).toBeGreaterThan(sources.get(PROVINCE_PLAN)!.text.split('\n').length / 4);
  });

  it('repairs broken paragraphs of the compilation', () => {
    expect(lineWith(COMPILATION, '统筹发展电子政务，构建一体化在线服务平台，分级分类推进新型智慧城市建设')).toMatch(/^要以信息化推进国家治理体系/);
    expect(lineWith(COMPILATION, '二是畅通数据资源大循环')).toMatch(/一是打通数字基础设施大动脉。/);
    expect(lineWith(COMPILATION, '——数字化公共服务更加普惠均等。')).toMatch(/数字鸿沟加速弥合。$/);
  });

  it('attaches a responsibility note that stood on its own line', () => {
    expect(lineWith(THREE_YEAR, '积极推进数字乡村建设试点工作。')).toMatch(/积极推进数字乡村建设试点工作。（责任单位：省农业农村厅、省商务厅、省发展改革委、省委网信办，各市政府）$/);
  });

  it('reports how many lines each file needed rejoined', () => {
    const counts = Object.fromEntries([...results.keys()].map((k) => [k, rejoined(k)]));
    expect(counts[GUIDANCE]).toBe(0); // one paragraph per line, no page breaks
    for (const name of [ACTION_PLAN, THREE_YEAR, PROVINCE_PLAN, COMPILATION]) expect(counts[name], name).toBeGreaterThan(0);
  });
});

describe('titles and headings stay on their own lines', () => {
  it.each([
    [GUIDANCE, '一、总体思路'],
    [GUIDANCE, '各市人民政府，各县（市、区）人民政府，省政府各部门、各直属机构，各大企业，各高等院校：'],
    [ACTION_PLAN, '山东数字强省建设领导小组办公室'],
    [ACTION_PLAN, '（山东省大数据局代章）'],
    [ACTION_PLAN, '2023年11月14日'],
    [ACTION_PLAN, '关于印发《山东省数字基础设施建设行动方案（2024-2025年）》的通知'],
    [ACTION_PLAN, '工程专栏1 高速泛在网络提升工程'],
    [THREE_YEAR, '山东省新基建三年行动方案（2020-2022年）'],
    [THREE_YEAR, '一、行动目标'],
    [PROVINCE_PLAN, '一、基础形势'],
    [PROVINCE_PLAN, '专栏1 数字基础设施提升工程'],
    [COMPILATION, '大数据领域法律法规、政策文件汇编'],
    [COMPILATION, '中华人民共和国网络安全法'],
    [COMPILATION, '第一章 总则'],
    [COMPILATION, '（2015年9月）'],
  ])('%s: "%s"', (name, line) => {
    expect(lines(name)).toContain(line);
  });

  it('leaves no broken line behind: no line starts with a continuation mark, none would still join the next', () => {
    for (const name of results.keys()) {
      const nonBlank = lines(name).filter((l) => l !== '');
      for (const [i, line] of nonBlank.entries()) {
        if (!line.includes('\t')) expect(line, `${name}: ${line.slice(0, 30)}`).not.toMatch(/^[，。、；：？！）》”]/);
        const next = nonBlank[i + 1];
        // The hard-wrapped file is checked against its printed width; the others, like the rejoiner, by punctuation alone.
        const width = name === PROVINCE_PLAN ? 28 : undefined;
        if (next !== undefined) expect(continuesInto(line, next, width), `${name}: ${line.slice(-20)} ‖ ${next.slice(0, 20)}`).toBe(false);
      }
    }
  });

  it('in the hard-wrapped file, every line that does not end a sentence is a heading, a box title or a table line', () => {
    for (const line of lines(PROVINCE_PLAN)) {
      if (line === '' || line.includes('\t') || endsSentence(line)) continue;
      expect(opensBlock(line) || displayWidth(line) < 24, line).toBe(true);
    }
  });
});

describe('other repairs', () => {
  it('drops repeated table headers, keeping one per table', () => {
    const header = /^任务名称\t责任部门\t工作任务/;
    const before = sources.get(COMPILATION)!.text.split('\n').filter((l) => header.test(l)).length;
    const after = lines(COMPILATION);
    const kept = after.filter((l) => header.test(l)).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(before);
    // Between two kept headers there is always text that is not a table row (a new table).
    let sawText = true;
    for (const line of after) {
      if (header.test(line)) {
        expect(sawText).toBe(true);
        sawText = false;
      } else if (line !== '' && !line.includes('\t')) sawText = true;
    }
  });

  it('folds widths, title marks and punctuation in the file extracted with ASCII marks', () => {
    const text = norm(PROVINCE_PLAN).text;
    expect(text).not.toMatch(/[０-９Ａ-Ｚ«»]/);
    expect(text).not.toMatch(new RegExp(`[${HAN}][,.;:]`));
    expect(text).toContain('《山东省国民经济和社会发展第十四个五年规划和2035年远景目标纲要》');
    expect(text).toContain('关键工序数控化率');
  });

  it('lays the space-aligned indicator table out with tabs', () => {
    expect(lines(PROVINCE_PLAN)).toContain('5G基站数（万个）\t51\t16\t/\t约束性');
  });

  it('flags percentages that lost their decimal point, pointing at the original', () => {
    const file = norm(PROVINCE_PLAN);
    const suspects = file.messages.filter((m) => m.rule === 'normalize/lost-decimal-suspect');
    expect(suspects.length).toBeGreaterThan(0);
    const source = sources.get(PROVINCE_PLAN)!.text;
    for (const m of suspects) expect(source.slice(m.offset, m.offset! + 4)).toMatch(/^[０-９]{3}[０-９％]/);
    expect(suspects.some((m) => source.slice(m.offset, m.offset! + 4) === '５１４％')).toBe(true);
  });

  it('counts more artifacts in the damaged copy than in the clean one', () => {
    const perChar = (name: string): number => norm(name).artifacts / norm(name).text.length;
    expect(perChar(PROVINCE_PLAN)).toBeGreaterThan(10 * perChar(COMPILATION));
  });
});

describe('offsets lead back to the original words', () => {
  const hanOf = (s: string): string => s.replace(new RegExp(`[^${HAN}]`, 'g'), '');
  const isSubsequence = (needle: string, hay: string): boolean => {
    let k = 0;
    for (const ch of hay) if (ch === needle[k]) k++;
    return k === needle.length;
  };

  it('for random spans, the original slice holds the same Chinese characters', () => {
    const rand = prng(2024);
    for (const [name, { file }] of results) {
      for (let n = 0; n < 200; n++) {
        const start = Math.floor(rand() * file.text.length);
        const end = Math.min(file.text.length, start + 1 + Math.floor(rand() * 60));
        const span = file.text.slice(start, end);
        const orig = originalSlice(file, start, end);
        const label = `${name} [${start}, ${end})`;
        expect(isSubsequence(hanOf(span), hanOf(orig)), label).toBe(true);
        // The slice is tight: it starts and ends with the span's own characters.
        if (new RegExp(`^[${HAN}]`).test(span)) expect(orig[0], label).toBe(span[0]);
        if (new RegExp(`[${HAN}]$`).test(span)) expect(orig.at(-1), label).toBe(span.at(-1));
      }
    }
  });

  it('maps every Chinese character of the hard-wrapped file to itself', () => {
    const file = norm(PROVINCE_PLAN);
    const han = new RegExp(`[${HAN}]`);
    let checked = 0;
    for (let i = 0; i < file.text.length; i++) {
      if (!han.test(file.text[i]!)) continue;
      if (originalSlice(file, i, i + 1) !== file.text[i]) expect.fail(`character ${i} (${file.text[i]}) maps to "${originalSlice(file, i, i + 1)}"`);
      checked++;
    }
    expect(checked).toBeGreaterThan(30_000);
  });
});

describe('stability and speed', () => {
  it('normalizing normalized text changes nothing', () => {
    for (const [name, { file }] of results) {
      const again = normalizeText({ ...file.source, text: file.text });
      expect(again.text, name).toBe(file.text);
      expect(again.artifacts, name).toBe(0);
    }
  });

  it('normalizes the largest file in well under a second', () => {
    const source = sources.get(COMPILATION)!;
    normalizeText(source); // warm up the JIT
    const t0 = performance.now();
    normalizeText(source);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
