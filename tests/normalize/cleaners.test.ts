import { describe, expect, it } from 'vitest';
import type { Cleaner } from '../../ingest/normalize/cleaner.js';
import { applyEdits, trackText } from '../../ingest/normalize/offset-map.js';
import { dropControlChars, stripInvisibles, unifyLineBreaks } from '../../ingest/normalize/cleaners/characters.js';
import { foldWidth, unifyTitleMarks } from '../../ingest/normalize/cleaners/width.js';
import { toChineseFullStops, toChinesePunctuation, toFullWidthParentheses } from '../../ingest/normalize/cleaners/punctuation.js';
import { dropPageNumbers } from '../../ingest/normalize/cleaners/page-furniture.js';
import { dropRepeatedTableHeaders, findSpaceSeparators, tabulateSpaceAlignedRows, untabLabelGaps } from '../../ingest/normalize/cleaners/tables.js';
import { stripMarkdown } from '../../ingest/normalize/cleaners/markdown.js';
import { collapseBlankLines, tidyWhitespace } from '../../ingest/normalize/cleaners/whitespace.js';
import { flagLostDecimals } from '../../ingest/normalize/cleaners/decimals.js';

const ctx = { path: 'synthetic.txt', format: 'txt' as const };

/** Runs one cleaner and returns the text and how many artifacts it counted. */
function run(cleaner: Cleaner, text: string): { text: string; artifacts: number } {
  const result = cleaner.clean(text, ctx);
  const tracked = applyEdits(trackText(text), result.edits);
  return { text: tracked.text, artifacts: tracked.artifacts.length };
}
const clean = (cleaner: Cleaner, text: string): string => run(cleaner, text).text;

describe('character hygiene', () => {
  it('removes BOMs and zero-width characters', () => {
    expect(clean(stripInvisibles, '\ufeff第一条\u200b为了')).toBe('第一条为了');
  });

  it('unifies line breaks; a form feed (page break) becomes a line break', () => {
    expect(clean(unifyLineBreaks, 'a\r\nb\rc\fd\u2028e')).toBe('a\nb\nc\nd\ne');
  });

  it('drops control characters and turns no-break spaces into spaces', () => {
    expect(clean(dropControlChars, '数据\u0007管理\u00a0A\tB')).toBe('数据管理 A\tB');
  });
});

describe('width and title marks', () => {
  it('folds full-width digits, letters and number signs, one artifact per run', () => {
    const r = run(foldWidth, '到２０２５年，５Ｇ覆盖率９０％，增长１．２５倍（１０Ｇ－ＰＯＮ）');
    expect(r.text).toBe('到2025年，5G覆盖率90%，增长1.25倍（10G-PON）');
    expect(r.artifacts).toBe(5);
  });

  it('keeps Chinese punctuation full-width', () => {
    expect(clean(foldWidth, '根据：第一，（一）；是否？好！')).toBe('根据：第一，（一）；是否？好！');
  });

  it('turns « », 〈〈 〉〉, ＜＜ ＞＞ and << >> around Chinese into 《 》, leaving single 〈 〉 and Latin <<', () => {
    expect(clean(unifyTitleMarks, '«数据法»〈〈网络法〉〉＜＜标准＞＞<<条例>>《规划〈纲要〉》 a<<b>>')).toBe(
      '《数据法》《网络法》《标准》《条例》《规划〈纲要〉》 a<<b>>',
    );
  });
});

describe('punctuation', () => {
  it('turns ASCII , ; : ? ! next to Chinese into full-width marks', () => {
    expect(clean(toChinesePunctuation, '全省,各市;注:是否?好!5G,人工智能')).toBe('全省，各市；注：是否？好！5G，人工智能');
  });

  it('leaves numbers, times, URLs and Latin text alone', () => {
    const text = '投资1,000万元 10:30 http://www.gov.cn a, b; c: d';
    expect(clean(toChinesePunctuation, text)).toBe(text);
  });

  it('turns parentheses full-width, except in a Latin context', () => {
    expect(clean(toFullWidthParentheses, '(一) 总体要求')).toBe('（一） 总体要求');
    expect(clean(toFullWidthParentheses, '136个县 (市、区)')).toBe('136个县 （市、区）');
    expect(clean(toFullWidthParentheses, '(1)')).toBe('（1）');
    expect(clean(toFullWidthParentheses, '推广应用(DPU)技术')).toBe('推广应用（DPU）技术');
    expect(clean(toFullWidthParentheses, 'f(x) = y')).toBe('f(x) = y');
  });

  it('converts an unmatched parenthesis on a Chinese line (its partner cut off by a page break)', () => {
    expect(clean(toFullWidthParentheses, '（责任单位：省通信\n管理局)')).toBe('（责任单位：省通信\n管理局）');
  });

  it("turns '.' after Chinese into 。 in a file written that way", () => {
    const text = '打下坚实基础.“宽带”战略深入实施.成为重要引擎.2020年收入增长.';
    expect(clean(toChineseFullStops, text)).toBe('打下坚实基础。“宽带”战略深入实施。成为重要引擎。2020年收入增长。');
  });

  it('never touches decimals, versions, URLs, leaders or list numbers', () => {
    const text = '基础.发展.建设.\n1.加快建设\n增长1.25倍，11.2万户，v2.0版，www.gov.cn，重要论述.....3，网址gov.cn';
    expect(clean(toChineseFullStops, text)).toBe(
      '基础。发展。建设。\n1.加快建设\n增长1.25倍，11.2万户，v2.0版，www.gov.cn，重要论述.....3，网址gov.cn',
    );
  });

  it('leaves a file alone that only has a stray dot or two', () => {
    const text = '本办法自发布之日起施行.其他条款不变。';
    expect(clean(toChineseFullStops, text)).toBe(text);
  });
});

describe('page furniture', () => {
  it('drops page-number lines in their usual decorations', () => {
    const numbers = ['12', '- 13 -', '— 14 —', '第 3 页', '第3页 共10页', '3/10', '-- 1 of 3 --', '—４３—'];
    const text = numbers.map((n, i) => `正文${i}，\n${n}`).join('\n') + '\n结束。';
    const r = run(dropPageNumbers, text);
    expect(r.text).toBe(numbers.map((_, i) => `正文${i}，`).join('\n') + '\n结束。');
    expect(r.artifacts).toBe(numbers.length);
  });

  it('keeps year headings and columns of numbers', () => {
    const text = '2014 年\n指标\n51\n16\n2\n结束。';
    expect(clean(dropPageNumbers, text)).toBe(text);
  });
});

describe('tables', () => {
  it('finds the cell separators of a row laid out with spaces', () => {
    expect(clean(tabulateSpaceAlignedRows, '5G基站数（万个） 51 16 / 约束性')).toBe('5G基站数（万个）\t51\t16\t/\t约束性');
    expect(clean(tabulateSpaceAlignedRows, '指标名称 （单位） 2020年 2022年 2025年 属性')).toBe('指标名称 （单位）\t2020年\t2022年\t2025年\t属性');
    expect(clean(tabulateSpaceAlignedRows, '数字经济核心产业增加值占 GDP比重（%） 4.8 7左右 10左右 预期性')).toBe(
      '数字经济核心产业增加值占 GDP比重（%）\t4.8\t7左右\t10左右\t预期性',
    );
  });

  it('leaves prose, dates and headings alone', () => {
    for (const line of ['2023 年 11 月', '到 2025 年，建成 5 个 10 万级园区。', '一、2014 年度重要论述', '第 一 章 总 则']) {
      expect(findSpaceSeparators(line), line).toEqual([]);
    }
  });

  it('drops a header row (and its sub-header) repeated on a new page, keeping the first', () => {
    const header = '任务名称\t责任部门\t工作任务\t\t';
    const sub = '\t\t2024 年\t2025 年\t2026 年';
    const text = ['表一', header, sub, '任务甲\t省甲厅\t一\t二\t三', '', header, sub, '任务乙\t省乙厅\t一\t二\t三', '说明文字。', header, sub, '任务丙\t省丙厅\t一\t二\t三'].join('\n');
    const r = run(dropRepeatedTableHeaders, text);
    expect(r.text).toBe(
      ['表一', header, sub, '任务甲\t省甲厅\t一\t二\t三', '任务乙\t省乙厅\t一\t二\t三', '说明文字。', header, sub, '任务丙\t省丙厅\t一\t二\t三'].join('\n'),
    );
    expect(r.artifacts).toBe(2);
  });

  it('replaces the tab PDF extraction puts after a bare label', () => {
    expect(clean(untabLabelGaps, '第一条 \t为了规范管理，')).toBe('第一条 为了规范管理，');
    expect(clean(untabLabelGaps, '一、2014年度重要论述.....\t3')).toBe('一、2014年度重要论述.....\t3');
    expect(clean(untabLabelGaps, '1.\t任务\t责任单位')).toBe('1.\t任务\t责任单位');
  });
});

describe('markdown', () => {
  it('strips heading markers, bullets and bold, keeping the text', () => {
    expect(clean(stripMarkdown, '## 关于印发的通知\n- 1.积极推广\n* 注意\n**淄博市大数据局\n2023年11月**\n#### 工程专栏 1 网络工程')).toBe(
      '关于印发的通知\n1.积极推广\n注意\n淄博市大数据局\n2023年11月\n工程专栏 1 网络工程',
    );
  });

  it('keeps single asterisks, hashes inside text and form blanks', () => {
    const text = '注*：C#语言，填写____处，#号';
    expect(clean(stripMarkdown, text)).toBe(text);
  });
});

describe('whitespace', () => {
  it('removes spaces between Chinese characters and between Chinese and Latin, counting only the first as damage', () => {
    expect(run(tidyWhitespace, '关键工序数 控 化 率').artifacts).toBe(3);
    expect(clean(tidyWhitespace, '关键工序数 控 化 率')).toBe('关键工序数控化率');
    const pangu = run(tidyWhitespace, '到 2025 年建成 5G 网络');
    expect(pangu.text).toBe('到2025年建成5G网络');
    expect(pangu.artifacts).toBe(0);
  });

  it('keeps one space between Latin words and removes indentation and trailing spaces', () => {
    expect(clean(tidyWhitespace, '　　big  data 平台 \u3000')).toBe('big data平台');
  });

  it('keeps the space after a structural label', () => {
    expect(clean(tidyWhitespace, '第一条　　为了保障网络安全')).toBe('第一条 为了保障网络安全');
    expect(clean(tidyWhitespace, '第 一 章 总 则')).toBe('第一章 总则');
    expect(clean(tidyWhitespace, '工程专栏 3 物联网服务体系提升工程')).toBe('工程专栏3 物联网服务体系提升工程');
    expect(clean(tidyWhitespace, '附件 2 任务清单')).toBe('附件2 任务清单');
  });

  it('keeps tabs; in a table cell keeps the space between two words, not between single characters', () => {
    expect(clean(tidyWhitespace, '指 标 \t 2020 年\t省发展改革委 省大数据局')).toBe('指标\t2020年\t省发展改革委 省大数据局');
    expect(clean(tidyWhitespace, '省发展改革委 省大数据局负责')).toBe('省发展改革委省大数据局负责');
  });

  it('collapses blank lines', () => {
    expect(clean(collapseBlankLines, '\n\n甲\n\n\n\n乙\n丙\n\n')).toBe('甲\n\n乙\n丙');
  });
});

describe('lost decimals', () => {
  it('reports percentages over 100 as info, without changing the text', () => {
    const text = '联网率达到514%、数控化率557%，覆盖率100%，占比51.4%，增长1514%';
    const result = flagLostDecimals.clean(text, ctx);
    expect(result.edits).toEqual([]);
    expect(result.messages?.map((m) => [m.rule, m.severity, text.slice(m.offset, m.offset! + 4)])).toEqual([
      ['normalize/lost-decimal-suspect', 'info', '514%'],
      ['normalize/lost-decimal-suspect', 'info', '557%'],
      ['normalize/lost-decimal-suspect', 'info', '1514'],
    ]);
  });
});
