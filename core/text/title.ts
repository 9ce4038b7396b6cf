import type { DocKind } from '../model/document.js';
import { splitVersion } from '../ids/document-id.js';
import { cleanLine, foldDigits, tidyTitle } from './lines.js';

/**
 * What a title says about its document. Chinese official titles end in a word
 * naming the document type (文种): 法, 条例, 办法, 规划, 意见, 通知… That word,
 * not the topic, decides the kind.
 */

/** Type words, checked in this order against the end of the title (办法 before 法). */
const KIND_BY_ENDING: [RegExp, DocKind][] = [
  [/(摘编|论述|讲话|语录)$/u, 'speeches'],
  // A list of tasks and their owners is a plan (重点任务清单, 任务分工表, 目标任务责任分解), not a catalogue.
  [/(任务|责任|工作)清单$|(分工|分解)表?$/u, 'plan'],
  // A year's list of key tasks is a plan too (2026年…重点任务); a chapter heading of that name (第二章 重点任务) is not a title.
  [/^(?!第[一二三四五六七八九十百零〇\d]+[编章节])[^\s　]{4,}(重点任务|主要任务|工作任务|任务安排)$/u, 'plan'],
  [/(清单|附表|目录|一览表)$/u, 'catalogue'],
  [/(汇编|选编)$/u, 'compilation'],
  [/(通知|通告|公告)$/u, 'notice'],
  [/意见$/u, 'opinion'],
  [/条例$/u, 'regulation'],
  [/(办法|规定|细则|规则)$/u, 'rules'],
  [/(规划|方案|计划|纲要|指南|指引|要点|战略)$/u, 'plan'],
  [/法$/u, 'law'],
];

/** Type words that make a title a document title without a kind of their own. */
// Words that also end ordinary plan headings (措施, 政策, 标准, 制度: "三、保障措施") are left out on purpose.
const OTHER_TYPE_WORDS = /(决定|决议|报告|白皮书|公报|章程|批复|复函|若干措施|准则|守则)$/u;

/** A title with trailing brackets (version, scope), 《》 and quotes stripped, for reading its type word. */
function titleCore(title: string): string {
  let t = tidyTitle(title).replace(/[《》“”"]/g, '');
  for (let prev = ''; prev !== t; ) {
    prev = t;
    t = t.replace(/[（(][^（）()]*[）)]$/u, '').trim();
  }
  return t;
}

/**
 * The kind of a document from its title's type word: 法 → law; 条例 → regulation;
 * 办法/规定/细则/规则 → rules; 规划/方案/计划/纲要/指南/指引/要点, 任务清单, 分工(表), 分解(表) → plan; 意见 → opinion;
 * 通知/通告/公告 → notice; 摘编/论述/讲话 → speeches; 清单/附表/目录 → catalogue;
 * 汇编/选编 → compilation; anything else → other.
 */
export function kindFromTitle(title: string): DocKind {
  const core = titleCore(title);
  for (const [re, kind] of KIND_BY_ENDING) if (re.test(core)) return kind;
  return 'other';
}

/** Whether a string ends in a document type word, i.e. reads as the title of a document. */
export function endsWithTypeWord(title: string): boolean {
  const core = titleCore(title);
  return kindFromTitle(core) !== 'other' || OTHER_TYPE_WORDS.test(core);
}

/** Sentence or clause punctuation a title line never ends with. */
const FINAL_PUNCT = /[。，,；;：:！!？?、…]$/u;

/** Numbering that opens a clause, not a title: 一、 （一） 1. 第一条 ①. */
const NUMBERED =
  /^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、](?!\d)|第[一二三四五六七八九十百零〇\d]+[条款项]|[①-⑳])/u;

/** Whether a (clean) line is shaped like a title: short, not numbered, no final punctuation. */
export function isTitleShaped(line: string, maxLength = 60): boolean {
  const t = line.trim();
  return t.length >= 2 && t.length <= maxLength && !FINAL_PUNCT.test(t) && !NUMBERED.test(t) && !/\t/.test(t);
}

/** A line that is only a version marker: "（2024-2025年）", "(会签稿)", "（试行）". */
export function versionLine(line: string): string | undefined {
  const t = tidyTitle(line);
  const v = splitVersion(`X${t}`);
  return v.version && v.title === 'X' ? v.version : undefined;
}

/** Title and version of a title string: "X（2020-2022年）" → { title: "X", version: "（2020-2022年）" }. */
export function titleAndVersion(text: string): { title: string; version?: string } {
  const t = tidyTitle(text);
  const v = splitVersion(t);
  return v.version ? { title: v.title, version: v.version } : { title: t };
}

/**
 * The documents a notice issues, from its title: "关于印发《A》和《B》的通知" → [A, B];
 * "关于转发X的通知" → [X]. Empty when the title is not an issuing notice.
 */
export function issuedTitles(noticeTitle: string): string[] {
  const t = tidyTitle(noticeTitle);
  const m = /(?:印发|转发|颁布|发布|公布)(.+?)的?(?:通知|通告)$/u.exec(t);
  if (!m) return [];
  const quoted = [...m[1]!.matchAll(/《([^《》]+)》/gu)].map((q) => q[1]!);
  if (quoted.length) return quoted;
  return endsWithTypeWord(m[1]!) ? [m[1]!] : [];
}

/** Whether a clean line opens with typical body text rather than a title (addressees "各市人民政府：", a sentence). */
export function isAddresseeLine(line: string): boolean {
  const t = cleanLine(line);
  return /[：:]$/.test(t) && /^(各|省|市|县|区|中央|国务院|全国|有关|本)/u.test(t);
}

/** Page numbers, 份号, 密级 and urgency marks that may sit above a title. */
export function isHeaderNoise(line: string): boolean {
  const t = foldDigits(cleanLine(line)).replace(/\s+/g, '');
  return (
    t === '' ||
    /^[-—–]*\d{1,6}[-—–]*$/.test(t) ||
    /^(绝密|机密|秘密|内部|特急|加急|特提|平急)/u.test(t) ||
    /^(此件|抄送|印发)/u.test(t)
  );
}
