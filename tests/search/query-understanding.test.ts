import { describe, expect, it } from 'vitest';
import { createSegmenter } from '../../core/segment/index.js';
import { policyTerms } from '../../core/segment/policy-terms.js';
import { createLexiconCollector, definedTerm, shortTitle, titleAbbreviations } from '../../core/thesaurus/lexicon.js';
import { EVERYDAY_TERMS, encodedMarkerSynonyms, intentMarker, synonymMarker } from '../../core/thesaurus/thesaurus.js';
import { INTENT_RULES } from '../../core/thesaurus/intents.js';
import { COMMON_WORD_WEIGHT, correctWord, coverParts, createLexicon, displayWords, planSearch, removeFrames, type Lexicon } from '../../src/services/query/index.js';

const segmenter = createSegmenter({ userWords: policyTerms });

/** A lexicon built the way ingest builds it, from synthetic clauses and titles. */
function lexiconOf(texts: string[], titles: Array<{ id: string; title: string }> = []): Lexicon {
  const c = createLexiconCollector(segmenter);
  texts.forEach((text, i) => {
    c.segmenter.indexTokens(text);
    c.clause({ id: `c${i}`, text });
  });
  for (const t of titles) c.segmenter.indexTokens(t.title);
  const doc = c.finish(titles);
  return createLexicon(JSON.parse(JSON.stringify(doc)));
}

const TEXTS = [
  '第二十一条 国家实行网络安全等级保护制度。',
  '国家建立数据分类分级保护制度，加强个人信息保护。个人信息保护工作由网信部门负责。',
  '本法所称数据，是指任何以电子或者其他方式对信息的记录。',
  '关键信息基础设施的运营者应当每年至少进行一次检测评估。数据交易中介服务的机构应当履行义务。',
];
const TITLES = [
  { id: 'doc-a', title: '中华人民共和国网络安全法' },
  { id: 'doc-b', title: '中华人民共和国个人信息保护法' },
  { id: 'doc-c', title: '山东省公共数据开放办法' },
];

describe('question frames (removeFrames)', () => {
  it.each([
    ['个人信息保护法什么时候开始施行', 'when', '个人信息保护法'],
    ['某某条例从哪天起施行', 'when', '某某条例'],
    ['运营者多久要做一次检测', 'frequency', '运营者 检测'],
    ['泄露数据会被罚多少钱', 'penalty', '泄露数据'],
    ['违规收集要承担什么法律责任', 'penalty', '违规收集'],
    ['网络安全法罚款最高多少', 'penalty', '网络安全法'],
    ['谁负责数据目录编制', 'who', '数据目录编制'],
    ['数据目录由哪个部门负责', 'who', '数据目录'],
    ['共享数据分为哪几类', 'categories', '共享数据'],
    ['企业数据分为哪几级', 'categories', '企业数据'],
    ['公共数据分为几类几级管理', 'categories', '公共数据 管理'],
    ['网络运营者需不需要留存日志', 'obligation', '网络运营者 留存日志'],
    ['运营者是否必须设立安全管理机构', 'obligation', '运营者 设立安全管理机构'],
    ['个人信息应不应当告知本人', 'obligation', '个人信息 告知本人'],
    ['能不能要求删除自己的信息', 'right', '删除 信息'],
    ['什么是匿名化', 'definition', '匿名化'],
    ['去标识化是什么意思', 'definition', '去标识化'],
    ['到2025年基站要建多少个', 'amount', '到2025年基站'],
  ])('%s → %s', (q, intent, rest) => {
    const r = removeFrames(q);
    expect(r.intent).toBe(intent);
    expect(r.text).toBe(rest);
    expect(r.rewrites.every((x) => x.kind === 'frame' && x.to.length === 0)).toBe(true);
  });

  it.each([
    ['开放数据有错误可以向谁提出', '开放数据有错误可以 提出'],
    ['网站被攻击了找哪个部门报告', '网站被攻击了 报告'],
  ])('reads 向谁 / 找哪个部门 + an act (%s) as where a person turns, not who is responsible', (q, rest) => {
    const r = removeFrames(q);
    expect(r.intent).toBeUndefined();
    expect(r.text).toBe(rest);
  });

  it.each([
    ['个人信息处理者告知义务', '个人信息处理者告知', '告知'],
    ['运营者的报告义务有哪些', '运营者的报告 有哪些', '报告'],
  ])('reads a duty named as a noun (%s) as the act and an obligation question', (q, text, act) => {
    const r = removeFrames(q);
    expect(r.intent).toBe('obligation');
    expect(r.text).toBe(text);
    expect(r.rewrites).toContainEqual(expect.objectContaining({ kind: 'frame', from: `${act}义务`, to: [act] }));
  });

  it('leaves 义务 after words that are no act, and inside quotes', () => {
    expect(removeFrames('数据处理者的权利义务').text).toBe('数据处理者的权利义务');
    expect(removeFrames('履行下列义务').intent).toBeUndefined();
    expect(removeFrames('个人信息处理者的义务').text).toBe('个人信息处理者的义务');
    expect(removeFrames('“数据安全保护义务”').text).toBe('“数据安全保护义务”');
  });

  it('never rewrites inside a quoted phrase', () => {
    expect(removeFrames('“个人信息处理者不能证明自己没有过错”').text).toBe('“个人信息处理者不能证明自己没有过错”');
    expect(removeFrames('“什么是”的含义').text).toBe('“什么是”');
  });

  it('leaves queries without a frame alone, and a query that is only a frame as typed', () => {
    expect(removeFrames('智能制造 能源')).toEqual({ text: '智能制造 能源', rewrites: [] });
    expect(removeFrames('数据安全').rewrites).toEqual([]);
    expect(removeFrames('是什么')).toEqual({ text: '是什么', rewrites: [] });
  });
});

describe('the lexicon (core/thesaurus/lexicon.ts)', () => {
  it('abbreviates titles the way Chinese shortens names, without issuer or place', () => {
    const isWord = (w: string) => ['网络', '安全', '个人', '信息', '保护', '公共', '数据', '开放', '关键', '基础', '设施'].includes(w);
    expect(shortTitle('中华人民共和国网络安全法')).toBe('网络安全法');
    expect(shortTitle('山东省数字基础设施建设行动方案（2024-2025年）')).toBe('数字基础设施建设行动方案');
    expect(titleAbbreviations('中华人民共和国网络安全法', isWord)).toEqual(['网安法']);
    expect(titleAbbreviations('中华人民共和国个人信息保护法', isWord)).toEqual(expect.arrayContaining(['个保法', '个信法', '个信保法']));
    expect(titleAbbreviations('关键信息基础设施安全保护条例', isWord)).toContain('关基条例');
    expect(titleAbbreviations('关于某事的通知', isWord)).toEqual([]);
  });

  it('reads definitions (本法所称…是指, items of a definitions article)', () => {
    expect(definedTerm('本法所称数据，是指任何以电子或者其他方式对信息的记录。')).toBe('数据');
    expect(definedTerm('（三）网络运营者，是指网络的所有者、管理者和网络服务提供者。')).toBe('网络运营者');
    expect(definedTerm('国家支持数据开发利用。')).toBeUndefined();
  });

  it('counts the vocabulary, keeps abbreviations no text uses, and survives JSON', () => {
    const lex = lexiconOf(TEXTS, TITLES);
    expect(lex.count('等级保护')).toBeGreaterThan(0);
    expect(lex.count('保户')).toBe(0);
    expect(lex.abbreviations.get('网安法')).toBe('网络安全法');
    expect(lex.definitions.get('数据')).toEqual(['c2']);
    expect(lex.titles.map(([t]) => t)).toEqual(expect.arrayContaining(['个人信息保护法', '网络安全法', '公共数据开放办法']));
  });
});

describe('typo correction (correctWord)', () => {
  const lex = lexiconOf([...TEXTS, ...TEXTS]);
  it('corrects one character with the same pinyin or a common confusion, to a word the index holds', () => {
    expect(correctWord('保户', lex)).toBe('保护');
    expect(correctWord('关建', lex)).toBe('关键');
    expect(correctWord('分纪', lex)).toBe('分级');
    expect(correctWord('网路', lex)).toBe('网络');
  });
  it('never corrects to an unrelated word one character off', () => {
    // 保X: 保护 is in the index, but 持 and 护 neither sound alike nor are confused.
    expect(correctWord('保持', lex)).toBeUndefined();
    expect(correctWord('国税', lex)).toBeUndefined();
  });
});

describe('granularity (coverParts)', () => {
  it('tiles a word by the shorter dictionary words it contains', () => {
    expect(coverParts('数据共享', segmenter)).toEqual(['数据', '共享']);
    expect(coverParts('中介机构', segmenter)).toEqual(['中介', '机构']);
    expect(coverParts('数据', segmenter)).toEqual([]);
  });
});

describe('planSearch: every rewrite reported, none with exact', () => {
  const lex = lexiconOf([...TEXTS, ...TEXTS], TITLES);
  const source = { get: async () => lex };
  const plan = (q: string, exact = false) => planSearch(q, { exact, segmenter, lexicon: source });

  it('spells out an abbreviation and scopes the query to the document it names', async () => {
    const p = await plan('网安法 等级保护');
    expect(p.rewrites.map((r) => [r.kind, r.from])).toEqual([
      ['abbreviation', '网安法'],
      ['scope', '网络安全法'],
    ]);
    expect(p.scope).toEqual({ title: '网络安全法', docIds: ['doc-a'] });
    expect(p.plan.words).toEqual(['等级保护']);
  });

  it('corrects a typo: searched for 保护 instead of 保户', async () => {
    const p = await plan('个人信息保户');
    expect(p.rewrites).toEqual([expect.objectContaining({ kind: 'typo', from: '保户', to: ['保护'] })]);
    expect(p.rewrites[0]!.reason).toContain('searched for 保护 instead of 保户');
  });

  it('never "corrects" a common word the texts do not use: it is a word, not a misspelling (权利 stays, though 权力 is one reading off)', async () => {
    const withPower = lexiconOf([...TEXTS, ...TEXTS, '规范行政权力运行。', '规范行政权力运行。'], TITLES);
    expect(correctWord('权利', withPower)).toBe('权力');
    expect(segmenter.weight('权利')).toBeLessThan(COMMON_WORD_WEIGHT);
    const p = await planSearch('公民权利保障', { exact: false, segmenter, lexicon: { get: async () => withPower } });
    expect(p.rewrites.filter((r) => r.kind === 'typo')).toEqual([]);
    expect(p.plan.words).not.toContain('权力');
    // A rare misspelling is still corrected in the same lexicon.
    const typo = await planSearch('个人信息保户', { exact: false, segmenter, lexicon: { get: async () => withPower } });
    expect(typo.rewrites).toEqual([expect.objectContaining({ kind: 'typo', from: '保户', to: ['保护'] })]);
  });

  it('searches an everyday word with the texts’ wordings through its marker, shown as the word', async () => {
    const p = await plan('个人信息出境');
    expect(p.plan.words).toContain(synonymMarker('出境'));
    expect(displayWords(p.plan.words)).toEqual(['个人信息', '出境']);
    expect(p.rewrites).toEqual([expect.objectContaining({ kind: 'synonym', from: '出境', to: expect.arrayContaining(['境外提供', '跨境提供']) })]);
    expect(p.plan.highlightTerms).toEqual(expect.arrayContaining(['境外提供']));
  });

  it('appends the intent’s cue last, where a relaxed match gives it up first', async () => {
    const p = await plan('检测评估多久一次');
    expect(p.intent).toBe('frequency');
    expect(p.plan.words.at(-1)).toBe(intentMarker('frequency'));
    expect(p.plan.wordsByNeed.at(-1)).toBe(intentMarker('frequency'));
    expect(displayWords(p.plan.words)).toEqual(['检测', '评估']);
  });

  it('keeps the parts of a long word for the granularity fallback', async () => {
    const withSharing = lexiconOf([...TEXTS, '数据共享应当按照共享类型开展，数据共享平台统一建设。'], TITLES);
    const p = await planSearch('数据共享类型', { exact: false, segmenter, lexicon: { get: async () => withSharing } });
    expect(p.plan.fineWords?.()).toEqual(['数据', '共享', '类型']);
  });

  it('leaves out a word no indexed text holds, and says so', async () => {
    const p = await plan('门口 个人信息保护');
    expect(displayWords(p.plan.words)).toEqual(['个人信息保护']);
    expect(p.plan.dropped).toContain('门口');
    expect(p.rewrites).toEqual([expect.objectContaining({ kind: 'absent', from: '门口', to: [] })]);
    // Exact mode searches what was typed.
    expect((await plan('门口 个人信息保护', true)).plan.words).toEqual(['门口', '个人信息保护']);
  });

  it('searches an absent compound by its parts the index holds or the thesaurus knows (黑客攻击 → 黑客 + 攻击)', async () => {
    const lex = lexiconOf([...TEXTS, '及时处置网络攻击、网络侵入等安全风险。'], TITLES);
    const p = await planSearch('网站被黑客攻击', { exact: false, segmenter, lexicon: { get: async () => lex } });
    expect(p.rewrites).toContainEqual(expect.objectContaining({ kind: 'absent', from: '黑客攻击', to: ['黑客', '攻击'] }));
    expect(p.rewrites).toContainEqual(expect.objectContaining({ kind: 'absent', from: '网站', to: [] }));
    expect(displayWords(p.plan.words)).toEqual(['黑客', '攻击']);
  });

  it('keeps an absent word when it is the only one (nothing else to search)', async () => {
    const p = await plan('门口');
    expect(p.plan.words).toEqual(['门口']);
    expect(p.rewrites).toEqual([]);
  });

  it('reads a number after a law’s name as an article (网安法44条 → 第44条), not a count elsewhere', async () => {
    const p = await plan('网络安全法21条');
    expect(p.rewrites).toContainEqual(expect.objectContaining({ kind: 'locator', from: '21条', to: ['第21条'] }));
    expect(p.plan.words).toContain('第二十一条');
    const count = await plan('支持数字经济20条措施');
    expect(count.rewrites.some((r) => r.kind === 'locator')).toBe(false);
  });

  it('answers what a term means with the clause that defines it', async () => {
    const p = await plan('什么是数据');
    expect(p.intent).toBe('definition');
    // The corpus twice: the definition is read in both copies.
    expect(p.definitions).toEqual(['c2', 'c6']);
    expect(p.rewrites).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'intent', from: '数据', to: ['c2', 'c6'] })]));
  });

  it('with exact=true: the words as typed, nothing rewritten', async () => {
    for (const q of ['网安法 等级保护', '个人信息保户', '个人信息出境', '检测评估多久一次']) {
      const p = await plan(q, true);
      expect(p.rewrites).toEqual([]);
      expect(p.exact).toBe(true);
      expect(p.plan.words.some((w) => w.startsWith('\ue000'))).toBe(false);
    }
  });
});

describe('the reviewed thesaurus data', () => {
  it('writes every alternative as the segmenter splits it, with a reason', () => {
    for (const t of EVERYDAY_TERMS) {
      expect(t.reason.length).toBeGreaterThan(10);
      for (const alt of t.alternatives) expect(segmenter.queryWords(alt.replace(/ /g, '')).join(' '), `${t.everyday}: ${alt}`).toBe(alt);
    }
    for (const r of INTENT_RULES) for (const cue of r.cues) expect(segmenter.queryWords(cue.replace(/ /g, '')).join(' '), cue).toBe(cue);
  });
  it('reaches Meilisearch as one marker group per entry and intent', () => {
    expect(Object.keys(encodedMarkerSynonyms())).toHaveLength(EVERYDAY_TERMS.length + INTENT_RULES.length);
  });
});
