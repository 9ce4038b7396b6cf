import type { Segmenter } from '../../core/segment/index.js';
import { QUERY_STOP_WORDS } from '../../core/segment/stop-words.js';
import { EVERYDAY_TERMS } from '../../core/thesaurus/thesaurus.js';
import { locatorSpellings } from '../../core/segment/numbering-terms.js';
import type { DepartmentRegistry } from '../../core/departments/index.js';
import { findDocNumbers, normalizeDocNumbersIn } from '../../core/patterns/doc-number.js';

/**
 * Meilisearch reads only the first ten words of a query (measured on 1.21: an
 * eleventh word changes nothing). Queries are planned to fit.
 */
export const MEILI_MAX_QUERY_WORDS = 10;

/** What the user typed, turned into what is sent to Meilisearch and what is checked afterwards. */
export interface QueryPlan {
  /** Words sent to Meilisearch, in the order typed; at most `maxWords`. */
  words: string[];
  /** Words left out: particles and question words, then the least informative beyond the limit. */
  dropped: string[];
  /**
   * Strings that must occur verbatim in a hit's text (folded, without
   * whitespace): quoted phrases, and department-like names the registry does
   * not know (so 省工业和信息化局 never silently matches 省工业和信息化厅).
   */
  phrases: string[];
  /** 文号 in the query, normalized (国发〔2022〕14号); each is also among `phrases`. */
  docNumbers: string[];
  /** Departments named in the query, by the name typed and the registry's canonical name. */
  departments: Array<{ asWritten: string; canonical: string }>;
  /** Department-like names the registry does not know, with the closest known names. */
  unknownDepartments: Array<{ asWritten: string; suggestions: string[] }>;
  /** Terms to mark in hit texts: the words, their parts, phrases, other spellings of locators and departments. */
  highlightTerms: string[];
  /**
   * The same words in the order a relaxed match gives them up, last first:
   * pinned words (departments, phrases) lead so they are never given up, then
   * the words as typed — people type the subject first and qualifiers after,
   * and the evaluation measured this order above dropping the least
   * informative words first (numbers, being rare, were kept at the expense of
   * the subject) — except a year, given up before every subject word (see yearWords).
   */
  wordsByNeed: string[];
  /** The words no relaxed match gives up (departments, phrases): the head of `wordsByNeed`. */
  pinned: string[];
}

export interface PlanOptions {
  segmenter: Segmenter;
  /** For department names in queries (aliases → canonical, unknown names → phrases). Default: none. */
  registry?: Pick<DepartmentRegistry, 'lookup' | 'closest'>;
  /** Default MEILI_MAX_QUERY_WORDS. */
  maxWords?: number;
  /** The words of one whitespace-separated chunk (default `segmenter.queryWords`); query understanding rewrites them here. */
  rewriteChunk?: (chunk: string) => string[];
  /** Give up lone-character verbs among several words (query understanding only; `exact` keeps them). Default false. */
  dropLoneVerbs?: boolean;
}

/** A year as typed (2025, 二〇二五 is folded to digits before), and what may follow it as one time phrase. */
const YEAR = /^(?:19|20)\d{2}$/;
const AFTER_YEAR = new Set(['年', '年底', '年前', '年末', '年度', '年内']);

/**
 * The places of the words that only date the need (2025 + 年 in 2025年 充电桩):
 * a plan holds 到2025年 in clause after clause, so a relaxed match gives the
 * date up before any subject word, wherever it was typed (the subject with
 * another year beats the year without the subject).
 */
/** How many words of two or more characters make a lone character the asker's verb (see planQuery). */
export const LONE_CHAR_AMONG = 3;
/** Lone characters that say what is asked about: levels of government, units, locators, classes. */
const MEANINGFUL_LONE = new Set('省市县区乡镇村年月日个万亿元条款项章节编目号类级法'.split(''));
const EVERYDAY_WORDS = new Set(EVERYDAY_TERMS.map((t) => t.everyday));
const isLoneVerb = (w: { text: string; pinned: boolean }) =>
  !w.pinned && w.text.length === 1 && /\p{Script=Han}/u.test(w.text) && !MEANINGFUL_LONE.has(w.text) && !EVERYDAY_WORDS.has(w.text);

function yearWords(words: string[]): Set<number> {
  const out = new Set<number>();
  words.forEach((w, i) => {
    if (!YEAR.test(w)) return;
    out.add(i);
    if (AFTER_YEAR.has(words[i + 1] ?? '')) out.add(i + 1);
  });
  return out;
}

/** Quoted phrases: ASCII "…", Chinese “…” and 「…」. */
const QUOTED = /"([^"]+)"|“([^”]+)”|「([^」]+)」|『([^』]+)』/g;

/**
 * Single tokens that end the name of a body (厅, 局, 委…). jieba leaves one
 * standing alone exactly when the name before it is not in its dictionary —
 * a known name (user dictionary) is one token.
 */
const BODY_SUFFIX = new Set(['厅', '局', '委', '办', '署', '委员会', '办公室', '管理局']);
/** The word a body's name starts with: a level (省, 市, 国家, 中共) or a place of one (山东省, 济南市). */
const LEVEL_WORD = /^(?:中共|国家|自治区|省|市|县|区|[\u4e00-\u9fff]{1,4}[省市县区])$/;

const HAN_CHAR = /[\u3400-\u9fff]/;

/**
 * Folds, removes whitespace and writes every 文号 one way (国发[2022]第14号 →
 * 国发〔2022〕14号): how phrases and texts are compared.
 */
export function compactForMatch(s: string, fold: (s: string) => string): string {
  return normalizeDocNumbersIn(fold(s).replace(/\s+/g, '')).toLowerCase();
}

interface Word {
  text: string;
  /** Required whatever the budget: part of a phrase or a department name. */
  pinned: boolean;
  /** The noun of a question's frame (有哪些要求): dropped like a particle. */
  frame?: boolean;
}

/**
 * After a question word, these nouns frame the question rather than name its
 * subject: 政务数据共享有哪些要求 asks for what the text requires, which it writes
 * with 应当 and 必须, seldom with 要求. Nouns the text does use for what it
 * lists (哪些原则 → 遵循…原则, 哪些情形 → 有下列情形之一) are not among them.
 */
const QUESTION_WORD = new Set(['哪些', '什么', '何种', '哪类', '哪几项', '哪几个']);
const FRAME_NOUN = new Set(['要求', '规定']);

/**
 * Plans a query: quoted phrases out, words segmented exactly as indexed text
 * is, department names resolved (known → canonical, so Meilisearch synonyms
 * reach every alias; unknown → must occur verbatim), particles dropped, and
 * the rest kept within Meilisearch's word limit by informativeness. Pure.
 */
export function planQuery(q: string, opts: PlanOptions): QueryPlan {
  const { segmenter, registry } = opts;
  const maxWords = opts.maxWords ?? MEILI_MAX_QUERY_WORDS;
  const phrases: string[] = [];
  const departments: QueryPlan['departments'] = [];
  const unknownDepartments: QueryPlan['unknownDepartments'] = [];
  const words: Word[] = [];
  const extraHighlights: string[] = [];

  let rest = '';
  let last = 0;
  for (const m of q.matchAll(QUOTED)) {
    rest += `${q.slice(last, m.index)} `;
    last = m.index + m[0].length;
    const phrase = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim();
    if (!phrase) continue;
    phrases.push(compactForMatch(phrase, segmenter.fold));
    for (const w of segmenter.queryWords(phrase)) words.push({ text: w, pinned: true });
    extraHighlights.push(segmenter.fold(phrase));
  }
  rest += q.slice(last);

  // A 文号 (国发〔2022〕14号, typed with any brackets) is a phrase: its characters
  // and numbers mean nothing apart, and a hit must cite that very document.
  let outsideNumbers = '';
  let at = 0;
  // Marked only whole: 2022 and 14 of 国发〔2022〕14号 mean nothing in a hit on their own.
  const numberParts = new Set<string>();
  const docNumbers: string[] = [];
  for (const n of findDocNumbers(rest)) {
    docNumbers.push(n.docNumber);
    phrases.push(compactForMatch(n.docNumber, segmenter.fold));
    for (const w of segmenter.queryWords(n.docNumber)) {
      words.push({ text: w, pinned: true });
      numberParts.add(w);
    }
    extraHighlights.push(n.docNumber, rest.slice(n.start, n.end));
    outsideNumbers += `${rest.slice(at, n.start)} `;
    at = n.end;
  }
  rest = outsideNumbers + rest.slice(at);

  // Each whitespace-separated chunk on its own: a department name never spans a space.
  for (const chunk of rest.split(/\s+/).filter(Boolean)) {
    const chunkWords = opts.rewriteChunk ? opts.rewriteChunk(chunk) : segmenter.queryWords(chunk);
    let i = 0;
    while (i < chunkWords.length) {
      const w = chunkWords[i]!;
      const known = registry && w.length > 1 ? registry.lookup(w) : undefined;
      if (known) {
        departments.push({ asWritten: w, canonical: known.name });
        // The canonical name is what the synonym list expands to every alias.
        words.push({ text: segmenter.fold(known.name), pinned: true });
        extraHighlights.push(w, known.name, ...known.aliases, ...known.abbreviations);
        i++;
        continue;
      }
      // A name jieba does not know ends in a lone suffix token (省 / 工业 / 和 / 信息化 / 局).
      const end = registry ? chunkWords.findIndex((x, k) => k > i && k <= i + 5 && BODY_SUFFIX.has(x)) : -1;
      if (registry && end !== -1) {
        const nameWords = chunkWords.slice(i, end + 1);
        const name = nameWords.join('');
        const hit = registry.lookup(name);
        // Unknown names count only when they start like a body of some level (省…局): 大数据中心 stays words.
        if (hit) {
          departments.push({ asWritten: name, canonical: hit.name });
          words.push({ text: segmenter.fold(hit.name), pinned: true });
          extraHighlights.push(name, hit.name, ...hit.aliases, ...hit.abbreviations);
          i = end + 1;
          continue;
        }
        if (name.length >= 3 && LEVEL_WORD.test(nameWords[0]!)) {
          unknownDepartments.push({ asWritten: name, suggestions: registry.closest(name, 3) });
          phrases.push(compactForMatch(name, segmenter.fold));
          for (const x of nameWords) words.push({ text: x, pinned: true });
          extraHighlights.push(name);
          i = end + 1;
          continue;
        }
      }
      words.push({ text: w, pinned: false, frame: FRAME_NOUN.has(w) && QUESTION_WORD.has(chunkWords[i - 1] ?? '') });
      i++;
    }
  }

  // Particles go first, but a query made only of particles is still searched.
  let content = words.filter((w) => w.pinned || (!QUERY_STOP_WORDS.has(w.text) && !w.frame));
  // A lone character among several words (藏 in 手机App里藏了木马, 搞 in 网上搞诈骗) is the asker's verb: the texts write
  // the act in two characters (设置, 实施), and one character matches any word that holds it (藏 in 西藏).
  if (opts.dropLoneVerbs && content.filter((w) => w.pinned || w.text.length > 1).length >= LONE_CHAR_AMONG) content = content.filter((w) => !isLoneVerb(w));
  const dropped = words.filter((w) => !content.includes(w)).map((w) => w.text);
  const kept = content.length ? content : words.slice();
  if (!content.length) dropped.length = 0;

  // Repeated words count once for Meilisearch.
  const seen = new Set<string>();
  const unique = kept.filter((w) => (seen.has(w.text) ? false : (seen.add(w.text), true)));

  let final = unique;
  if (unique.length > maxWords) {
    // Keep pinned words, then the most informative; the order typed is kept.
    const ranked = unique
      .map((w, i) => ({ w, i, score: (w.pinned ? 1000 : 0) + segmenter.weight(w.text) + w.text.length * 0.1 }))
      .sort((a, b) => b.score - a.score || a.i - b.i);
    const keep = new Set(ranked.slice(0, maxWords).map((r) => r.i));
    final = unique.filter((_, i) => keep.has(i));
    dropped.push(...unique.filter((_, i) => !keep.has(i)).map((w) => w.text));
  }

  const finalWords = final.map((w) => w.text);
  const when = yearWords(final.map((w) => w.text));
  const wordsByNeed = [
    ...final.filter((w) => w.pinned),
    ...final.filter((w, i) => !w.pinned && !when.has(i)),
    ...final.filter((w, i) => !w.pinned && when.has(i)),
  ].map((w) => w.text);
  const highlightTerms = markTerms({ typed: rest, words: finalWords, numberParts, extra: extraHighlights, segmenter });
  const pinned = final.filter((w) => w.pinned).map((w) => w.text);
  return { words: finalWords, dropped, phrases, docNumbers, departments, unknownDepartments, highlightTerms, wordsByNeed, pinned };
}

/**
 * The terms to mark in hits: what was typed together (处理者, not 处理 + 者),
 * the words searched and their parts, other spellings of article numbers,
 * and `extra` (phrases, 文号, department names). Single characters only when
 * the query has nothing longer; `numberParts` (2022 and 14 of a 文号) only
 * when also typed on their own.
 */
function markTerms(a: { typed: string; words: string[]; numberParts: ReadonlySet<string>; extra: string[]; segmenter: Segmenter }): string[] {
  const { words, segmenter } = a;
  const chunks = a.typed
    .split(/\s+/)
    .filter(Boolean)
    .map((c) => segmenter.fold(c));
  const typedAlone = a.numberParts.size ? new Set(chunks.flatMap((c) => segmenter.queryWords(c))) : undefined;
  const numberParts = new Set([...a.numberParts].filter((w) => !typedAlone?.has(w)));
  const onlySingles = words.every((w) => w.length === 1);
  const terms = new Set<string>(chunks);
  for (const w of words) {
    if (numberParts.has(w)) continue;
    if (w.length > 1 || onlySingles || !HAN_CHAR.test(w)) terms.add(w);
    for (const other of locatorSpellings(w)) terms.add(other);
  }
  // The sub-words of every word, in one segmentation pass: jieba never joins
  // across a space, so this is the union of each word's own sub-words, for
  // three native calls a query instead of three a word. A locator is one
  // unit: its parts (第二十 of 第二十一条) would mark 第二十五条 in a hit.
  const divisible = words.filter((w) => locatorSpellings(w).length === 0 && !numberParts.has(w));
  for (const part of segmenter.words(divisible.join(' '))) terms.add(part);
  for (const h of a.extra) if (h) terms.add(h);
  return [...terms];
}

/** True when every phrase of the plan occurs verbatim in `text` (after folding, ignoring whitespace). */
export function containsPhrases(text: string, phrases: string[], fold: (s: string) => string): boolean {
  if (!phrases.length) return true;
  const hay = compactForMatch(text, fold);
  return phrases.every((p) => hay.includes(p));
}
