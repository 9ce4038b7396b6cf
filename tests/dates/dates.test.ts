import { describe, expect, it } from 'vitest';
import { parseChineseDate } from '../../ingest/enrich/dates/index.js';
import { periodFromText, periodFromTitle } from '../../ingest/enrich/dates/period.js';
import { dayNumber, statusAt, toDateNumbers, type DocumentDates } from '../../core/model/dates.js';
import { loadIssuerRegistry, normalizeIssuers } from '../../ingest/issuers/index.js';
import { loadRealCorpus } from '../helpers/corpus.js';
import { build } from './helpers.js';

const STATUTE = `中华人民共和国示例保护法

（2015年6月1日第十二届全国人民代表大会常务委员会第十五次会议通过　根据2018年10月26日第十三届全国人民代表大会常务委员会第六次会议《关于修改〈中华人民共和国示例保护法〉等十五部法律的决定》第一次修正　2021年4月29日第十三届全国人民代表大会常务委员会第二十八次会议修订）

第一章 总则

第一条 为了保护示例，制定本法。

第二条 在中华人民共和国境内开展示例活动，适用本法。

第二章 附则

第三条 本法自 2021 年 6 月 1 日起施行。
`;

const DECREE = `示例数据管理条例

（2020年1月5日中华人民共和国国务院令第七百号公布　自2020年3月1日起施行）

第一条 为了规范示例数据管理，制定本条例。

第二条 本条例所称示例数据，是指示例活动中产生的数据。
`;

const NOTICE = `示例省人民政府办公厅文件

示政办发〔2024〕3号

示例省人民政府办公厅关于印发示例省数据发展行动方案的通知

各市人民政府，省政府各部门：

现将《示例省数据发展行动方案》印发给你们，请认真贯彻执行。

示例省人民政府办公厅

2024年3月5日

示例省数据发展行动方案

一、总体要求

到2025年，全省数据产业规模达到100亿元。

二、附则

本方案自印发之日起施行，《示例省旧数据方案》（示政办发〔2019〕8号）同时废止。
`;

const OLD = `示例省旧数据方案

一、目标

到2020年，全省数据中心达到10个。
`;

const PLANS = {
  'period.txt': `示例省算力设施建设三年行动计划（2021—2023年）

一、目标

到2023年，全省算力规模达到10EFLOPS。
`,
  'five-year.txt': `示例省“十五五”数字经济发展规划

一、发展目标

到2030年，数字经济核心产业增加值占比达到15%。
`,
  'no-period.txt': `示例省关于推进数据开放的意见

一、总体要求

推进公共数据开放，到2025年开放数据集达到5000个。
`,
};

describe('dates read by pattern (synthetic)', () => {
  it('reads Chinese dates in every written form', () => {
    expect(parseChineseDate('2017 年 6 月 1 日')).toBe('2017-06-01');
    expect(parseChineseDate('二〇一六年十一月七日')).toBe('2016-11-07');
    expect(parseChineseDate('2016.11.07')).toBe('2016-11-07');
    expect(parseChineseDate('2023年11月')).toBe('2023-11');
    expect(parseChineseDate('2023年13月1日')).toBeUndefined();
  });

  it('a statute head: adopted with its meeting, amended (修正 with the decision, 修订), effective from the closing article', async () => {
    const { documents } = await build({ 'law.txt': STATUTE });
    const law = documents.find((d) => d.title === '中华人民共和国示例保护法')!;
    const dates = law.dates!;
    expect(dates.adopted).toMatchObject({ date: '2015-06-01', meeting: '第十二届全国人民代表大会常务委员会第十五次会议' });
    expect(dates.amended.map((a) => [a.date, a.kind])).toEqual([
      ['2018-10-26', '修正'],
      ['2021-04-29', '修订'],
    ]);
    expect(dates.amended[0]!.title).toBe('关于修改〈中华人民共和国示例保护法〉等十五部法律的决定');
    expect(dates.effectiveFrom?.date).toBe('2021-06-01');
    expect(dates.effectiveFrom?.evidence.text).toContain('本法自2021年6月1日起施行');
    const art = law.root.children.flatMap((c) => c.children).find((n) => n.label === '第三条')!;
    expect(dates.effectiveFrom?.evidence.clauseId).toBe(art.id);
    expect(law.maker).toBe('全国人民代表大会常务委员会');
  });

  it('a decree head: published by 国务院令, effective from the head when no article says', async () => {
    const { documents } = await build({ 'decree.txt': DECREE });
    const reg = documents[0]!;
    expect(reg.dates?.published?.date).toBe('2020-01-05');
    expect(reg.dates?.effectiveFrom).toMatchObject({ date: '2020-03-01' });
    expect(reg.dates?.effectiveFrom?.evidence.text).toContain('自2020年3月1日起施行');
  });

  it('a notice colophon dates the notice; 自印发之日起施行 takes that day; 同时废止 repeals a corpus document', async () => {
    const { documents } = await build({ 'notice.txt': NOTICE, 'old.txt': OLD });
    const notice = documents.find((d) => d.kind === 'notice')!;
    expect(notice.dates?.published?.date).toBe('2024-03-05');
    const plan = documents.find((d) => d.title === '示例省数据发展行动方案')!;
    expect(plan.dates?.effectiveFrom?.evidence.text).toContain('本方案自印发之日起施行');
    const old = documents.find((d) => d.title === '示例省旧数据方案')!;
    expect(old.dates?.repealedBy).toMatchObject({ docId: plan.id, title: '示例省数据发展行动方案' });
    expect(old.dates?.repealedBy?.evidence.text).toContain('同时废止');
    const n = toDateNumbers(old.dates!);
    if (plan.dates?.effectiveFrom) {
      expect(statusAt(n, dayNumber('2030-01-01'))).toBe('已废止');
    }
  });

  it('a period from the title (a range, or the five-year-plan number); none when the text states none', async () => {
    const { documents } = await build(PLANS);
    const by = (t: string) => documents.find((d) => d.title.startsWith(t))!;
    expect(by('示例省算力设施建设三年行动计划').dates?.period).toMatchObject({ from: 2021, to: 2023 });
    expect(by('示例省“十五五”').dates?.period).toMatchObject({ from: 2026, to: 2030 });
    const open = by('示例省关于推进数据开放的意见');
    expect(open.dates?.period).toBeUndefined();
    // A plan that states no period is never 规划期满.
    expect(statusAt(toDateNumbers(open.dates!), dayNumber('2099-01-01'))).not.toBe('规划期满');
    expect(statusAt(toDateNumbers(by('示例省算力设施建设三年行动计划').dates!), dayNumber('2024-01-01'))).toBe('规划期满');
    expect(statusAt(toDateNumbers(by('示例省算力设施建设三年行动计划').dates!), dayNumber('2022-06-01'))).toBe('现行有效');
  });

  it('reads a period stated in the text; never a range inside 《》 of a notice title', () => {
    expect(periodFromText('编制本规划，规划期为2021年到2025年。')).toMatchObject({ from: 2021, to: 2025 });
    expect(periodFromText('实施期限为2024-2026年')).toMatchObject({ from: 2024, to: 2026 });
    expect(periodFromTitle('关于印发《某行动方案（2024-2025年）》的通知')).toBeUndefined();
  });

  it('the manifest overrides any value', async () => {
    const { documents } = await build(
      { 'no-period.txt': PLANS['no-period.txt'] },
      { files: { 'no-period.txt': { dates: { effectiveFrom: '2022-02-02', period: { from: 2022, to: 2024 }, repealedOn: '2026-01-01', repealedByTitle: '示例省新意见' } } } },
    );
    const d = documents[0]!.dates!;
    expect(d.effectiveFrom).toMatchObject({ date: '2022-02-02', evidence: { from: 'manifest' } });
    expect(d.period).toMatchObject({ from: 2022, to: 2024 });
    expect(statusAt(toDateNumbers(d), dayNumber('2026-06-01'))).toBe('已废止');
    expect(statusAt(toDateNumbers(d), dayNumber('2025-06-01'))).toBe('规划期满');
  });
});

describe('status as of a day', () => {
  const dates = (x: Partial<DocumentDates>): DocumentDates => ({ amended: [], ...x });
  const ev = { from: 'text' as const, text: '' };
  it('orders the checks: repealed, not yet in force, period over, amended since, in force, unknown', () => {
    const law = toDateNumbers(dates({ effectiveFrom: { date: '2021-11-01', evidence: ev } }));
    expect(statusAt(law, dayNumber('2021-10-31'))).toBe('尚未施行');
    expect(statusAt(law, dayNumber('2021-11-01'))).toBe('现行有效');
    const amended = toDateNumbers(dates({ effectiveFrom: { date: '2017-06-01', evidence: ev }, amendedBy: { title: 'x', date: '2026-01-01', evidence: ev } }));
    expect(statusAt(amended, dayNumber('2025-12-31'))).toBe('现行有效');
    expect(statusAt(amended, dayNumber('2026-01-01'))).toBe('已修改');
    expect(statusAt(toDateNumbers(dates({})), dayNumber('2026-01-01'))).toBe('未知');
  });
});

describe('issuers', () => {
  it('splits a meeting from the body that held it, and normalizes aliases', () => {
    const r = loadIssuerRegistry();
    expect(normalizeIssuers('十二届全国人大常委会第二十四次会议', r)).toEqual({
      maker: '全国人民代表大会常务委员会',
      meeting: '第十二届全国人民代表大会常务委员会第二十四次会议',
    });
    expect(normalizeIssuers('某某省十三届人大常委会第三十次会议', r).maker).toBe('某某省人民代表大会常务委员会');
    expect(normalizeIssuers('国务院第一百四十一次常务会议', r)).toEqual({ maker: '国务院', meeting: '国务院第一百四十一次常务会议' });
    expect(normalizeIssuers('中办、国办', r).maker).toBe('中共中央办公厅、国务院办公厅');
  });
});

describe('the real corpus', () => {
  it('every law and regulation that states its effective date has effectiveFrom equal to it, with the clause', async () => {
    const { documents } = await loadRealCorpus();
    const legal = documents.filter((d) => ['law', 'regulation', 'rules'].includes(d.kind));
    expect(legal.length).toBeGreaterThanOrEqual(7);
    for (const doc of legal) {
      // What the text states, read here independently of the extractor: the closing 本X自…起施行.
      const stated = doc.text.match(/本(?:法|条例|办法|规定)自\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*起施行/);
      if (!stated) continue;
      const want = `${stated[1]}-${stated[2]!.padStart(2, '0')}-${stated[3]!.padStart(2, '0')}`;
      expect(doc.dates?.effectiveFrom?.date, doc.title).toBe(want);
      expect(doc.dates?.effectiveFrom?.evidence.clauseId, doc.title).toMatch(/art_\d+$/);
    }
    const pipl = documents.find((d) => d.title === '中华人民共和国个人信息保护法')!;
    expect(pipl.dates?.effectiveFrom?.date).toBe('2021-11-01');
    expect(pipl.maker).toBe('全国人民代表大会常务委员会');
    expect(pipl.meeting).toBe('第十三届全国人民代表大会常务委员会第三十次会议');
  });

  it('plans with a stated period have it, and only they can expire', async () => {
    const { documents } = await loadRealCorpus();
    const withPeriod = documents.filter((d) => d.dates?.period);
    for (const d of withPeriod) expect(d.dates!.period!.to).toBeGreaterThanOrEqual(d.dates!.period!.from);
    const three = documents.find((d) => d.version === '（2020-2022年）')!;
    expect(three.dates?.period).toMatchObject({ from: 2020, to: 2022 });
    expect(statusAt(toDateNumbers(three.dates!), dayNumber('2026-12-03'))).toBe('规划期满');
    for (const d of documents.filter((x) => !x.dates?.period)) expect(statusAt(toDateNumbers(d.dates!), dayNumber('2099-01-01'))).not.toBe('规划期满');
  });
});
