import { SEARCH_VOCABULARY, type Segmenter } from '../../../core/segment/index.js';
import { QUERY_STOP_WORDS } from '../../../core/segment/stop-words.js';
import { DUTY_NOUN, FILLER, INTENT_RULES, NOT_AN_ACT, type IntentKind } from '../../../core/thesaurus/intents.js';
import { CONFUSIONS, EVERYDAY_TERMS, intentMarker, isIntentMarker, isMarker, synonymMarker } from '../../../core/thesaurus/thesaurus.js';
import type { QueryPlan } from '../search-query.js';
import { samePinyin, type Lexicon } from './lexicon.js';

/** Canonical name → what laws call the body by its function (from the registry file, as the index settings are). */
const DEPARTMENT_FUNCTIONS = SEARCH_VOCABULARY.departmentFunctions;

/**
 * Query understanding: what the user typed → what is searched, every change
 * reported. A named stage between the raw query and `planQuery`:
 *
 * 1. frames: a question's frame (什么时候施行, 分为哪几类, 谁负责…) is removed and
 *    its intent kept (src: core/thesaurus/intents.ts);
 * 2. per chunk, before words are planned: a corpus abbreviation of a title is
 *    spelled out (网安法 → 网络安全法), words the thesaurus knows are joined
 *    (删除 + 权 → 删除权), and a word the index never saw is corrected to one it
 *    holds, one character off with the same pinyin or a common confusion
 *    (保户 → 保护);
 * 3. after planning: thesaurus words are searched with their alternatives
 *    (marker words, see core/thesaurus/thesaurus.ts), the intent's cues are
 *    appended as the first word a relaxed match gives up (a boost, not a
 *    filter), and each word's parts are kept for a granularity fallback.
 *
 * Pure: the lexicon and segmenter are passed in. `?exact=true` skips the stage.
 */
export type RewriteKind = 'frame' | 'intent' | 'synonym' | 'abbreviation' | 'typo' | 'scope' | 'locator' | 'absent';

export interface Rewrite {
  kind: RewriteKind;
  /** What was typed (or the word as planned). */
  from: string;
  /** What is searched instead or as well (empty: removed). */
  to: string[];
  reason: string;
}

export interface Understanding {
  /** The query with frames removed (folded). */
  text: string;
  intent?: IntentKind;
  /** A document the query names by its short title (or an abbreviation of it): its clauses are searched first. */
  scope?: { title: string; docIds: string[] };
  /** A question about what a term means, for a term the texts define: the defining clauses. */
  definitions?: string[];
  rewrites: Rewrite[];
  /** For planQuery: rewrites one whitespace-separated chunk's words. */
  rewriteChunk(chunk: string): string[];
}

const THESAURUS = new Map(EVERYDAY_TERMS.map((t) => [t.everyday, t]));
/** Longest everyday entry, in segmenter words: how many words a join may span. */
const MAX_JOIN = 4;
const HAN_ONLY = /^[\u3400-\u9fff]+$/;
/** A correction must be a word the index has seen at least this often (a one-off word is likely a typo itself). */
const MIN_CORRECTION_COUNT = 2;
/**
 * A typed word this common in general Chinese (jieba's IDF below this) is a word, not a misspelling: when the index
 * lacks it, the texts say it otherwise (家属 where a law writes 近亲属), and correcting it to a one-off index word
 * (家属 → 家数) finds nothing it means. Misspellings are rare or unknown words (保户 13.2, 关建 11.7, 互连 10.3; 家属
 * 7.7, 查看 7.2, 看病 8.4). Such a word is left to the absent-word rule instead.
 */
export const COMMON_WORD_WEIGHT = 9.5;

/** Quoted phrases ("…", “…”, 「…」, 『…』): searched verbatim, so no rewrite touches them. */
const QUOTED = /"[^"]*"|“[^”]*”|「[^」]*」|『[^』]*』/g;

/** `f` applied to the text outside quoted phrases. */
function outsideQuotes(text: string, f: (s: string) => string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(QUOTED)) {
    out += f(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + f(text.slice(last));
}

/** Removes question frames (outside quoted phrases), keeping the first intent found. Pure. */
export function removeFrames(folded: string): { text: string; intent?: IntentKind; rewrites: Rewrite[] } {
  let text = folded;
  let intent: IntentKind | undefined;
  const rewrites: Rewrite[] = [];
  for (const rule of INTENT_RULES) {
    if (!rule.hint.test(text)) continue;
    for (const frame of rule.frames) {
      text = outsideQuotes(text, (part) =>
        part.replace(frame, (m) => {
          if (!m.trim()) return m;
          intent ??= rule.kind;
          rewrites.push({ kind: 'frame', from: m, to: [], reason: rule.reason });
          return ' ';
        }),
      );
    }
  }
  text = outsideQuotes(text, (part) =>
    part.replace(DUTY_NOUN, (m, act: string) => {
      // 处理者的义务: what stands before is no act at all, only the duties of someone.
      if (NOT_AN_ACT.has(act) || /[的之和与及或等其]/.test(act)) return m;
      intent ??= 'obligation';
      rewrites.push({ kind: 'frame', from: m, to: [act], reason: `a duty named as a noun: the texts write 应当${act}` });
      return `${act} `;
    }),
  );
  text = outsideQuotes(text, (part) =>
    part
      .replace(FILLER, (m) => {
        rewrites.push({ kind: 'frame', from: m, to: [], reason: 'words that only frame the question' });
        return ' ';
      })
      .replace(/[？?！!。，,]+/g, ' '),
  );
  text = text.replace(/\s+/g, ' ').trim();
  // A query that is nothing but a frame is searched as typed.
  if (!text.replace(/[的了吗呢]/g, '').trim()) return { text: folded, rewrites: [] };
  return { text, ...(intent ? { intent } : {}), rewrites };
}

/**
 * The best correction of a word the index does not hold: an index word one
 * character off whose changed character reads the same (建 → 键) or is a
 * common confusion (路 → 络); the most frequent wins. Undefined when none.
 */
export function correctWord(word: string, lexicon: Lexicon): string | undefined {
  let best: { word: string; count: number } | undefined;
  for (const c of lexicon.oneOff(word)) {
    const typed = word[c.at]!;
    const meant = c.word[c.at]!;
    if (!samePinyin(typed, meant) && !CONFUSIONS.get(typed)?.includes(meant)) continue;
    const count = lexicon.count(c.word);
    if (count >= MIN_CORRECTION_COUNT && (!best || count > best.count)) best = { word: c.word, count };
  }
  return best?.word;
}

/** Joins consecutive words that together spell a thesaurus entry (删除 + 权 → 删除权). */
function joinTerms(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    let joined = 0;
    for (let n = Math.min(MAX_JOIN, words.length - i); n >= 2; n--) {
      if (THESAURUS.has(words.slice(i, i + n).join(''))) {
        joined = n;
        break;
      }
    }
    if (joined) {
      out.push(words.slice(i, i + joined).join(''));
      i += joined;
    } else out.push(words[i++]!);
  }
  return out;
}

/**
 * A number and a unit typed without 第 right after a law's or regulation's name (网安法44条, 个人信息保护法 十三条):
 * people cite articles so. Only after such a name — elsewhere 20条 is a count (支持数字经济发展20条措施).
 */
const BARE_LOCATOR = /(法|条例|办法|规定|细则|决定)\s*(\d{1,3}|[零〇一二两三四五六七八九十百]{1,6})\s*(条|章|节)(?![\u4e00-\u9fff]*(?:措施|意见|政策))/g;

/** An article, chapter… number: such a query is answered by the locator's own rule, never scoped. */
const LOCATOR = /第[零〇一二两三四五六七八九十百千\d]+[编章节条款项目]/;

/** Runs the stage on a query. */
export function understandQuery(q: string, deps: { segmenter: Segmenter; lexicon: Lexicon }): Understanding {
  const { segmenter, lexicon } = deps;
  const framed = removeFrames(segmenter.fold(q));
  const rewrites = [...framed.rewrites];
  let text = framed.text;
  for (const [short, full] of lexicon.abbreviations) {
    if (!text.includes(short) || text.includes(full)) continue;
    text = outsideQuotes(text, (part) => part.split(short).join(full));
    rewrites.push({ kind: 'abbreviation', from: short, to: [full], reason: `an abbreviation of 《${full}》, derived from the title` });
  }
  text = outsideQuotes(text, (part) =>
    part.replace(BARE_LOCATOR, (m, kind: string, n: string, unit: string) => {
      rewrites.push({ kind: 'locator', from: m.slice(kind.length).trim(), to: [`第${n}${unit}`], reason: `a number and ${unit} after a law's name cite that ${unit}: 第${n}${unit}` });
      return `${kind}第${n}${unit}`;
    }),
  );
  let scope: Understanding['scope'];
  if (!LOCATOR.test(text) && !/["“「『]/.test(text)) {
    for (const [title, docIds] of lexicon.titles) {
      if (!text.includes(title)) continue;
      const rest = text.split(title).join(' ').replace(/\s+/g, ' ').trim();
      if (!rest.replace(/[的了和与及《》]/g, '').trim()) break;
      scope = { title, docIds };
      text = rest;
      rewrites.push({ kind: 'scope', from: title, to: docIds, reason: `the query names 《${title}》: its clauses are searched first` });
      break;
    }
  }

  let definitions: string[] | undefined;
  if (framed.intent === 'definition') {
    // The term as typed, or as the thesaurus spells it (关基 → 关键信息基础设施); the longest defined term wins.
    const spelled = [text, ...EVERYDAY_TERMS.filter((t) => text.includes(t.everyday)).flatMap((t) => t.alternatives.map((a) => a.replace(/ /g, '')))];
    const term = [...lexicon.definitions.keys()].filter((t) => spelled.some((x) => x.includes(t))).sort((a, b) => b.length - a.length)[0];
    if (term) {
      definitions = lexicon.definitions.get(term)!;
      rewrites.push({ kind: 'intent', from: term, to: definitions, reason: `the texts define ${term} (本法所称…是指): the defining clauses first` });
    }
  }

  const rewriteChunk = (chunk: string): string[] => {
    let words = joinTerms(segmenter.queryWords(chunk));
    // Typos: a word the index never saw, or two lone characters that make no indexed word.
    let changed = false;
    const fixed: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const next = words[i + 1];
      const lone = (x: string | undefined) => !!x && x.length === 1 && HAN_ONLY.test(x) && !QUERY_STOP_WORDS.has(x);
      const pair = lone(w) && lone(next) ? w + next : undefined;
      const candidate = pair ?? (w.length >= 2 && w.length <= 4 && HAN_ONLY.test(w) ? w : undefined);
      const common = !pair && !!candidate && segmenter.weight(candidate) < COMMON_WORD_WEIGHT;
      if (candidate && !common && !THESAURUS.has(candidate) && lexicon.count(candidate) === 0) {
        const fix = correctWord(candidate, lexicon);
        if (fix) {
          rewrites.push({ kind: 'typo', from: candidate, to: [fix], reason: `searched for ${fix} instead of ${candidate}: ${candidate} is not in the index` });
          fixed.push(fix);
          if (pair) i++;
          changed = true;
          continue;
        }
      }
      fixed.push(w);
    }
    if (changed) words = joinTerms(segmenter.queryWords(fixed.join('')));
    return words;
  };
  return { text, ...(framed.intent ? { intent: framed.intent } : {}), ...(scope ? { scope } : {}), ...(definitions ? { definitions } : {}), rewrites, rewriteChunk };
}

/**
 * The plan after understanding: thesaurus words replaced by their markers,
 * the intent's cues appended last (given up first by a relaxed match), the
 * alternatives added to the terms highlighted, and the fine parts of each
 * word (数据共享 → 数据 + 共享) for the granularity fallback, and `byFunction`:
 * the plan that also finds a named department's function. Reports each
 * change in `rewrites`.
 */
export function expandPlan(
  plan: QueryPlan,
  u: Understanding,
  segmenter: Segmenter,
  opts: { typedFirst?: boolean } = {},
): QueryPlan & { fineWords: () => string[] | undefined; partsOf: (w: string) => string[] | undefined; byFunction: (() => QueryPlan) | undefined } {
  const rewrites = u.rewrites;
  // A department the query names, when laws name it by its function (see vocabulary.ts): searched by its marker
  // (names and functions) after the clauses that name it — see `byFunction` below.
  const isDepartment = (w: string) => plan.departments.some((d) => segmenter.fold(d.canonical) === w);
  const functionsOf = (w: string) => (isDepartment(w) ? DEPARTMENT_FUNCTIONS.get(w) : undefined);
  // typedFirst (measured, see the README): a thesaurus word is searched as typed first, its alternatives with the
  // departments' functions after; otherwise with them from the start.
  const swap = (w: string) => (THESAURUS.has(w) && !opts.typedFirst ? synonymMarker(w) : w);
  const widen = (w: string) => (THESAURUS.has(w) || functionsOf(w) ? synonymMarker(w) : w);
  const highlight = new Set(plan.highlightTerms);
  for (const w of plan.words) {
    const functions = functionsOf(w);
    if (functions) {
      rewrites.push({
        kind: 'synonym',
        from: w,
        to: functions,
        reason: `laws and regulations name the body by its function (${functions.join(' / ')}): searched after the clauses that name it`,
      });
      for (const f of functions) highlight.add(f);
      continue;
    }
    const t = THESAURUS.get(w);
    if (!t) continue;
    rewrites.push({ kind: 'synonym', from: w, to: t.alternatives.map((a) => a.replace(/ /g, '')).filter((a) => a !== w), reason: t.reason });
    for (const a of t.alternatives) highlight.add(a.replace(/ /g, ''));
  }
  const cue = u.intent ? [intentMarker(u.intent)] : [];
  if (u.intent) {
    const rule = INTENT_RULES.find((r) => r.kind === u.intent)!;
    rewrites.push({ kind: 'intent', from: u.intent, to: rule.cues.map((c) => c.replace(/ /g, '')), reason: `${rule.reason} (ranked first, not required)` });
    for (const c of rule.cues) highlight.add(c.replace(/ /g, ''));
  }
  const words = [...plan.words.map(swap), ...cue];
  const wordsByNeed = [...plan.wordsByNeed.map(swap), ...cue];
  // Parts of a word: its shortest cover by dictionary words it contains. Departments and phrases stay whole.
  // Computed only when the fallback needs them (a segmentation per word is not free on the hot path).
  const pinned = (w: string) => isDepartment(w) || plan.phrases.some((p) => p.includes(w));
  const partsOf = (w: string): string[] | undefined => {
    if (isMarker(w) || pinned(w) || w.length < 3 || !HAN_ONLY.test(w)) return undefined;
    const parts = coverParts(w, segmenter);
    return parts.length < 2 ? undefined : parts;
  };
  const fineWords = (): string[] | undefined => {
    let split = false;
    const fine = wordsByNeed.flatMap((w) => {
      const parts = partsOf(w);
      if (parts) split = true;
      return parts ?? [w];
    });
    return split ? fine : undefined;
  };
  const expanded = { ...plan, words, wordsByNeed, pinned: plan.pinned.map(swap), highlightTerms: [...highlight], fineWords, partsOf };
  // The same plan with each such department (and, typedFirst, each thesaurus word) as its marker: what the page goes
  // on with when the clauses naming the body (plans' 责任单位 write 省大数据局) do not fill it — the laws'
  // 大数据工作主管部门 then follow them.
  const byFunction = plan.words.some((w) => widen(w) !== swap(w))
    ? (): QueryPlan & { partsOf: typeof partsOf } => ({
        ...expanded,
        words: [...plan.words.map(widen), ...cue],
        wordsByNeed: [...plan.wordsByNeed.map(widen), ...cue],
        pinned: plan.pinned.map(widen),
        partsOf,
      })
    : undefined;
  return { ...expanded, byFunction };
}

/** The dictionary words that tile `word` left to right, longest first at each place; [] when it cannot be tiled by shorter words. */
export function coverParts(word: string, segmenter: Segmenter): string[] {
  if (word.length < 3) return [];
  const inside = new Set(segmenter.words(word).filter((p) => p.length < word.length));
  const parts: string[] = [];
  for (let i = 0; i < word.length; ) {
    let len = Math.min(word.length - i, word.length - 1);
    while (len > 1 && !inside.has(word.slice(i, i + len))) len--;
    parts.push(word.slice(i, i + len));
    i += len;
  }
  return parts.length > 1 ? parts : [];
}

/** The words as the user should read them: markers shown as the word they stand for, intent cues left out. */
export function displayWords(words: string[]): string[] {
  return words.filter((w) => !isIntentMarker(w)).map((w) => (isMarker(w) ? w.slice(1) : w));
}
