import type { PolicyDocument } from '../../../core/model/document.js';
import type { Amendment, DateFact, DocumentDates, Evidence } from '../../../core/model/dates.js';
import { walk, type PolicyNode } from '../../../core/model/tree.js';
import { normalizeIssuers, type IssuerRegistry } from '../../issuers/index.js';
import { DATE_SOURCE, isoFromParts } from './chinese-date.js';
import { periodFromText, periodFromTitle } from './period.js';

/**
 * Reads when a document applies from the patterns of Chinese official texts
 * (every fact with the words it came from):
 * - a statute's head (GB/T legislative format): （2016年11月7日第十二届…第二十四次会议通过
 *   根据2018年…《关于修改…的决定》修正 2021年…修订）, 国务院令第745号公布, 自…起施行;
 * - its closing article: 本法自2017年6月1日起施行 / 本办法自印发之日起施行;
 * - a GB/T 9704 colophon: the 成文日期 line under the signature, 版记 …2020年3月23日印发;
 * - a plan's period (title or text, see period.ts);
 * - what it repeals or amends in another document (同时废止 / 不再执行 / 关于修改《X》的决定),
 *   returned for the corpus to link (a document never states its own repeal);
 * - the metadata the head or a catalogue gave (a date and an issuer; an issuer that is a
 *   meeting makes the date the adoption's).
 * What none of these says stays absent.
 */

const KINDS = [
  '实施方案', '行动方案', '实施意见', '指导意见', '行动计划', '实施细则', '暂行办法', '暂行规定', '若干规定', '若干措施',
  '条例', '规定', '办法', '细则', '决定', '方案', '意见', '通知', '规划', '计划', '措施', '准则', '规则', '纲要', '解释', '法',
].join('|');
const g = (source: string) => new RegExp(source, 'g');
const EFFECTIVE = g(`本(?:${KINDS})(?:自|从)\\s*(?:${DATE_SOURCE}|(印发|发布|公布|颁布|下发)之日)\\s*起\\s*(?:施行|实施|执行|生效)`);
const HEAD_EFFECTIVE = g(`自\\s*${DATE_SOURCE}\\s*起\\s*(?:施行|实施|生效)`);
const ADOPTED = g(`${DATE_SOURCE}\\s*([^，。；（）()《》\\n]{2,60}?会议)\\s*(?:审议)?通过`);
const PUBLISHED = g(`${DATE_SOURCE}\\s*((?:中华人民共和国)?[^，。；（）()《》\\n\\d]{0,20}?令\\s*(?:第\\s*)?[0-9零〇一二三四五六七八九十百千]+\\s*号|[^，。；（）()《》\\n\\d]{0,20}?公告)?\\s*(?:公布|发布|颁布)`);
const AMENDED = g(`根据\\s*${DATE_SOURCE}\\s*([^《，。；\\n]*?会议)?\\s*(?:通过的)?\\s*《([^》]+)》\\s*(?:第[一二三四五六七八九十]+次)?修正`);
const REVISED = g(`${DATE_SOURCE}\\s*([^，。；（）()《》\\n]*?会议)?\\s*修订`);
const PRINTED = new RegExp(`^(.{2,40}?)\\s*${DATE_SOURCE}\\s*印发$`);
const DATE_LINE = new RegExp(`^[（(]?\\s*${DATE_SOURCE}\\s*[）)]?$`);
const REPEALS = g(`((?:《[^》]{2,80}》(?:[（(][^）)]{0,40}[）)])?[、，和及与]?)+)\\s*(?:同时|即行|予以|一并)?(?:废止|停止执行|不再执行)`);
const AMENDS_TITLE = /关于修改《([^》]{2,80})》(?:等[^的]{0,20})?的决定/;
const AMENDS_TEXT = g(`对《([^》]{2,80})》(?:[（(][^）)]{0,40}[）)])?(?:作|做)(?:如下|以下)修改`);
/** How far a statute's head reaches into its text, in characters. */
const HEAD_CHARS = 800;

/** What a document states about another: a repeal or an amendment, for the corpus to link. */
export interface OtherDocumentChange {
  kind: 'repeal' | 'amend';
  /** The title as written inside 《》. */
  title: string;
  evidence: Evidence;
}

export interface ExtractedDates {
  dates: DocumentDates;
  /** 制定机关, normalized through the issuer registry. */
  maker?: string;
  /** 会议: the meeting that adopted the text, when known. */
  meeting?: string;
  changes: OtherDocumentChange[];
}

interface Hit {
  match: RegExpExecArray;
  node: PolicyNode;
}

/** Kinds a reader cites (the article, not its one paragraph): evidence points at the unit holding the words. */
const UNITS = new Set(['article', 'task', 'row', 'excerpt', 'entry']);

/**
 * Every match of `re` in the tree, each reported once: on the citable unit
 * that holds it (the outermost article/task/row), else on the deepest node.
 */
function findInTree(root: PolicyNode, re: RegExp): Hit[] {
  const best = new Map<string, { hit: Hit; rank: number }>();
  for (const [node, ancestors] of walk(root)) {
    for (const match of node.text.matchAll(re)) {
      // The same words in a parent's and a child's text are one statement (and twice the same words, one fact).
      const k = match[0];
      const rank = UNITS.has(node.kind) && !ancestors.some((a) => UNITS.has(a.kind)) ? 1000 : ancestors.length;
      const prev = best.get(k);
      if (!prev || rank > prev.rank) best.set(k, { hit: { match: match as RegExpExecArray, node }, rank });
    }
  }
  return [...best.values()].map((b) => b.hit);
}

function evidenceOf(hit: Hit): Evidence {
  const text = hit.node.kind === 'document' ? sentenceAround(hit.node.text, hit.match.index!, hit.match[0].length) : hit.node.text;
  return { from: 'text', ...(hit.node.kind === 'document' ? {} : { clauseId: hit.node.id }), text: text.length > 300 ? sentenceAround(text, text.indexOf(hit.match[0]), hit.match[0].length) : text };
}

/** The sentence (or bracketed head line) around a match, for evidence. */
function sentenceAround(text: string, at: number, length: number): string {
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf('。'), before.lastIndexOf('\n'), before.lastIndexOf('（') - 1) + 1;
  const after = text.slice(at + length).search(/[。\n）]/);
  return text.slice(start, after < 0 ? text.length : at + length + after + 1).trim();
}

function fact(parts: RegExpExecArray, evidence: Evidence, at = 1): DateFact | undefined {
  const date = isoFromParts(parts[at]!, parts[at + 1]!, parts[at + 2]);
  return date ? { date, evidence } : undefined;
}

/** Colophon facts: the 版记 印发 line, or the 成文日期 line under a signature (the last one). */
function colophonDate(doc: PolicyDocument): DateFact | undefined {
  const lines = doc.text.split('\n').map((l) => l.trim());
  let signed: DateFact | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const printed = line.match(PRINTED);
    if (printed) {
      const date = isoFromParts(printed[2]!, printed[3]!, printed[4]);
      if (date) return { date, evidence: { from: 'text', text: line } };
    }
    const d = line.match(DATE_LINE);
    // A date alone on its line, with a day, after a short line (the signature or a seal note), is a 成文日期.
    if (d && d[3] && !line.startsWith('（') && !line.startsWith('(')) {
      const prev = lines.slice(0, i).reverse().find((l) => l.length > 0) ?? '';
      const date = isoFromParts(d[1]!, d[2]!, d[3]);
      if (date && prev.length > 0 && prev.length <= 40 && !/[。；]$/.test(prev)) signed = { date, evidence: { from: 'text', text: `${prev} ${line}` } };
    }
  }
  return signed;
}

/**
 * The dates a document states. `issuers` normalizes the making body; pure.
 * @returns its dates, maker and meeting, and the changes it makes to other documents.
 */
export function extractDates(doc: PolicyDocument, issuers: IssuerRegistry): ExtractedDates {
  const head = doc.text.slice(0, HEAD_CHARS);
  const inHead = (h: Hit) => h.node.kind !== 'document' || h.match.index! < HEAD_CHARS || /[（(]/.test(doc.text.slice(Math.max(0, h.match.index! - 200), h.match.index));
  const dates: DocumentDates = { amended: [] };
  const meta = doc.issuer ? normalizeIssuers(doc.issuer, issuers) : {};

  const adopted = findInTree(doc.root, ADOPTED).filter(inHead)[0];
  if (adopted) {
    const f = fact(adopted.match, evidenceOf(adopted));
    if (f) dates.adopted = { ...f, meeting: adopted.match[4]!.trim() };
  }
  const published = findInTree(doc.root, PUBLISHED).filter(inHead)[0];
  if (published) dates.published = fact(published.match, evidenceOf(published));
  for (const hit of findInTree(doc.root, AMENDED).filter(inHead)) {
    const date = isoFromParts(hit.match[1]!, hit.match[2]!, hit.match[3]);
    if (date) dates.amended.push({ date, kind: '修正', title: hit.match[5]!, ...(hit.match[4] ? { meeting: hit.match[4].trim() } : {}), evidence: evidenceOf(hit) });
  }
  for (const hit of findInTree(doc.root, REVISED).filter(inHead)) {
    const date = isoFromParts(hit.match[1]!, hit.match[2]!, hit.match[3]);
    if (date && !dates.amended.some((a) => a.date === date)) dates.amended.push({ date, kind: '修订', ...(hit.match[4] ? { meeting: hit.match[4].trim() } : {}), evidence: evidenceOf(hit) });
  }
  dates.amended.sort((a: Amendment, b: Amendment) => a.date.localeCompare(b.date));

  // The closing article wins over a head line: it is the statute's own provision.
  const effective = findInTree(doc.root, EFFECTIVE);
  const closing = effective.at(-1);
  if (closing) {
    const onIssue = closing.match[4];
    dates.effectiveFrom = onIssue ? undefined : fact(closing.match, evidenceOf(closing));
    if (onIssue) dates.effectiveFrom = { date: '', evidence: evidenceOf(closing) }; // dated below, once publication is known
  } else {
    const m = [...head.matchAll(HEAD_EFFECTIVE)][0];
    if (m) dates.effectiveFrom = fact(m as RegExpExecArray, { from: 'text', text: sentenceAround(head, m.index!, m[0].length) });
  }

  dates.published ??= colophonDate(doc);
  if (doc.date && !meta.meeting) dates.published ??= { date: doc.date, evidence: { from: 'metadata', text: [doc.issuer, doc.date].filter(Boolean).join(' ') } };
  if (doc.date && meta.meeting) dates.adopted ??= { date: doc.date, meeting: meta.meeting, evidence: { from: 'metadata', text: `${doc.issuer} ${doc.date}` } };

  if (dates.effectiveFrom?.date === '') {
    // 自印发之日起施行: effective on the day it was issued, when that day is known.
    const on = dates.published ?? dates.adopted;
    if (on && /^\d{4}-\d{2}-\d{2}$/.test(on.date)) dates.effectiveFrom = { date: on.date, evidence: dates.effectiveFrom.evidence };
    else delete dates.effectiveFrom;
  }

  const stated = findInTree(doc.root, new RegExp(`(?:规划|实施|执行|行动|计划)?(?:期|期限)(?:为|是)`, 'g'));
  for (const hit of stated) {
    const p = periodFromText(hit.node.text);
    if (p) {
      dates.period = { from: p.from, to: p.to, evidence: evidenceOf({ ...hit, match: Object.assign([p.match], { index: hit.node.text.indexOf(p.match), input: hit.node.text, groups: undefined }) as RegExpExecArray }) };
      break;
    }
  }
  dates.period ??= periodFromTitle(doc.title, doc.version);

  const changes: OtherDocumentChange[] = [];
  for (const hit of findInTree(doc.root, REPEALS)) {
    for (const t of hit.match[1]!.matchAll(/《([^》]+)》/g)) changes.push({ kind: 'repeal', title: t[1]!, evidence: evidenceOf(hit) });
  }
  const amendsTitle = doc.title.match(AMENDS_TITLE);
  if (amendsTitle) changes.push({ kind: 'amend', title: amendsTitle[1]!, evidence: { from: 'title', text: doc.title } });
  for (const hit of findInTree(doc.root, AMENDS_TEXT)) changes.push({ kind: 'amend', title: hit.match[1]!, evidence: evidenceOf(hit) });

  // The meeting that adopted a text names its maker better than a head's issuer line.
  const fromMeeting = dates.adopted?.meeting ? normalizeIssuers(dates.adopted.meeting, issuers).maker : undefined;
  const maker = fromMeeting ?? meta.maker;
  return {
    dates,
    ...(maker ? { maker } : {}),
    ...(dates.adopted?.meeting || meta.meeting ? { meeting: normalizeIssuers(dates.adopted?.meeting ?? meta.meeting!, issuers).meeting ?? dates.adopted?.meeting ?? meta.meeting } : {}),
    changes: dedupeChanges(changes),
  };
}

function dedupeChanges(changes: OtherDocumentChange[]): OtherDocumentChange[] {
  const seen = new Set<string>();
  return changes.filter((c) => {
    const k = `${c.kind}:${c.title}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
