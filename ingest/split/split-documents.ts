import path from 'node:path';
import type { ManifestEntry } from '../corpus/manifest.js';
import type { DocKind } from '../../core/model/document.js';
import { textMessage, type TextMessage } from '../../core/model/messages.js';
import type { DocumentSlice, NormalizedFile } from '../stages.js';
import { checkCatalogue, parseCatalogue } from './catalogue.js';
import { issuerFromTitle, nextNonBlank, readHead, readSignature, readTitleAt } from './head.js';
import { toLines, tidyTitle, type Line } from '../../core/text/lines.js';
import { findTitleExact, findTitleFuzzy, matchKey, type TitleMatch } from './match-title.js';
import { dateLine, isOrganName, preciserDate } from './metadata.js';
import { issuedTitles, isTitleShaped, kindFromTitle, titleAndVersion } from '../../core/text/title.js';
import { findToc, nextToc, stripNumbering, tocDocuments, type Toc, type TocEntry } from './toc.js';
import { toOriginalOffset } from '../normalize/index.js';

/** A document found in a file, by line range, before it becomes a DocumentSlice. */
interface Draft {
  title?: string;
  kind: DocKind;
  issuer?: string;
  date?: string;
  docNumber?: string;
  version?: string;
  /** Line range [from, to). */
  from: number;
  to: number;
  /** Index, among the drafts of the file, of the notice issuing this one. */
  attachmentOf?: number;
  /** Index of the compilation holding this one. */
  partOf?: number;
  messages: Omit<TextMessage, 'path'>[];
}

/** Fields of a draft that carry metadata, in the order they are copied. */
type Meta = Pick<Draft, 'title' | 'version' | 'issuer' | 'date' | 'docNumber'>;

/** Copies metadata fields that are set in `from` and missing (or less precise, for dates) in `to`. */
function fillMeta(to: Meta, from: Meta): void {
  for (const key of ['title', 'version', 'issuer', 'docNumber'] as const) {
    if (to[key] === undefined && from[key] !== undefined) to[key] = from[key];
  }
  const date = preciserDate(to.date, from.date);
  if (date) to.date = date;
}

/**
 * Cuts the text of a notice that issues documents ("关于印发《X》的通知", followed
 * by X itself) into the notice and its attachments. Returns the drafts, the
 * notice first; an attachment not found in the text is reported on the notice.
 */
function splitNotice(lines: Line[], notice: Draft, bodyLine: number): Draft[] {
  const issued = notice.title ? issuedTitles(notice.title) : [];
  if (issued.length === 0) return [notice];
  const found: { title: string; match: TitleMatch }[] = [];
  let cursor = bodyLine;
  for (const title of issued) {
    const tv = titleAndVersion(title);
    const match =
      findTitleExact(lines, cursor, notice.to, [title, tv.title + (tv.version ?? '')]) ??
      findTitleFuzzy(lines, cursor, notice.to, title, 0.85);
    if (!match) {
      notice.messages.push(
        textMessage('info', 'split/attachment-not-in-file', `The notice issues 《${title}》, but its text is not in this file.`, {
          offset: lines[notice.from]!.start,
        }),
      );
      continue;
    }
    found.push({ title, match });
    cursor = match.next;
  }
  if (found.length === 0) return [notice];
  const noticeEnd = found[0]!.match.line;
  const drafts: Draft[] = [{ ...notice, to: noticeEnd }];
  // The notice's signature and date sit just above the first attachment.
  const sig = readSignature(lines, bodyLine, noticeEnd);
  fillMeta(drafts[0]!, sig);
  found.forEach(({ title, match }, k) => {
    const to = k + 1 < found.length ? found[k + 1]!.match.line : notice.to;
    const head = readHead(lines, match.line, to);
    const tv = titleAndVersion(title);
    const attachment: Draft = {
      title: head.title ?? tv.title,
      kind: kindFromTitle(head.title ?? tv.title),
      from: match.line,
      to,
      attachmentOf: 0,
      ...(notice.partOf !== undefined ? { partOf: notice.partOf } : {}),
      messages: [],
    };
    fillMeta(attachment, { version: head.version ?? tv.version, issuer: head.issuer, date: head.date, docNumber: head.docNumber });
    // An attachment is issued by the notice: its organ and date are the notice's unless it says otherwise.
    fillMeta(attachment, { issuer: drafts[0]!.issuer, date: drafts[0]!.date });
    drafts.push(attachment);
  });
  return drafts;
}

/** A document that is not a compilation: one draft, or a notice and the documents it issues. */
function splitSingle(lines: Line[], from: number, to: number): Draft[] {
  const head = readHead(lines, from, to);
  const draft: Draft = {
    kind: head.title ? kindFromTitle(head.title) : 'other',
    from: nextNonBlank(lines, from, to),
    to,
    messages: [],
  };
  fillMeta(draft, head);
  if (draft.title) fillMeta(draft, { issuer: issuerFromTitle(draft.title) });
  if (draft.kind === 'notice') {
    const drafts = splitNotice(lines, draft, head.bodyLine);
    if (drafts.length > 1) return drafts;
  }
  fillMeta(draft, readSignature(lines, head.bodyLine, to));
  return [draft];
}

/** Title, compiler and date from a compilation's front matter (the lines before its 目录). */
function readFrontMatter(lines: Line[], from: number, to: number): Meta {
  const meta: Meta = {};
  const titleParts: string[] = [];
  for (let i = nextNonBlank(lines, from, to); i < to; i = nextNonBlank(lines, i + 1, to)) {
    const line = lines[i]!.clean;
    const date = dateLine(line);
    if (date) meta.date ??= date;
    else if (isOrganName(line)) meta.issuer ??= tidyTitle(line);
    else if (meta.issuer === undefined && meta.date === undefined && isTitleShaped(line, 60)) titleParts.push(line);
  }
  if (titleParts.length) Object.assign(meta, titleAndVersion(titleParts.join('')));
  return meta;
}

/**
 * Where a later compilation's front matter starts, walking up from its 目录: a
 * compiler and date line, then the title over one to three lines. Above the
 * title is the previous volume's last document (its signature, its date) — the
 * walk stops at the first line that is neither, and at anything above a title.
 */
function frontMatterStart(lines: Line[], tocLine: number, floor: number): number {
  let start = tocLine;
  let titles = 0;
  for (let i = tocLine - 1, seen = 0; i >= floor && seen < 6; i--) {
    const line = lines[i]!.clean;
    if (line === '') continue;
    seen++;
    const meta = dateLine(line) !== undefined || isOrganName(line);
    if (meta && titles > 0) break;
    if (!meta && !isTitleShaped(line, 60)) break;
    if (!meta) titles++;
    start = i;
    if (titles === 3) break;
  }
  return start;
}

/**
 * Splits a file of compilations along their tables of contents: one, or several
 * volumes one after another, each with its own 目录. Returns undefined when the
 * file does not open with a table of contents listing documents.
 */
function splitCompilations(lines: Line[]): Draft[] | undefined {
  let toc = findToc(lines);
  if (!toc) return undefined;
  const drafts: Draft[] = [];
  let front = 0;
  while (toc) {
    // A later volume's 目录 ends this one: its last document stops at the next volume's title page.
    const next = nextToc(lines, toc.end, lines.length);
    const to = next ? frontMatterStart(lines, next.line, toc.end) : lines.length;
    const base = drafts.length;
    for (const d of splitCompilation(lines, toc, front, to)) {
      drafts.push({
        ...d,
        ...(d.partOf !== undefined ? { partOf: d.partOf + base } : {}),
        ...(d.attachmentOf !== undefined ? { attachmentOf: d.attachmentOf + base } : {}),
      });
    }
    front = to;
    toc = next;
  }
  return drafts;
}

/**
 * Splits one compilation, lines [front, to), along its table of contents.
 * Indices in the drafts (partOf, attachmentOf) are local: 0 is the compilation.
 */
function splitCompilation(lines: Line[], toc: Toc, front: number, to: number): Draft[] {
  const wanted = tocDocuments(toc);
  const messages: Draft['messages'] = [];
  const keysOf = (e: TocEntry) => [e.title, e.title + (e.version ?? ''), e.label];

  // Exact matches first, in order; then the best fuzzy match between found neighbours.
  const matches: (TitleMatch | undefined)[] = [];
  let cursor = toc.end;
  for (const { entry } of wanted) {
    const m = findTitleExact(lines, cursor, to, keysOf(entry));
    matches.push(m);
    if (m) cursor = m.next;
  }
  wanted.forEach(({ entry }, k) => {
    if (matches[k]) return;
    const prev = matches.slice(0, k).reverse().find((m) => m);
    const next = matches.slice(k + 1).find((m) => m);
    const m = findTitleFuzzy(lines, prev ? prev.next : toc.end, next ? next.line : to, entry.title);
    matches[k] = m;
    if (m) {
      messages.push(
        textMessage('info', 'split/toc-fuzzy-match', `TOC entry 《${entry.title}》 matched the title line "${lines[m.line]!.clean}" (similarity ${m.score.toFixed(2)}).`, {
          offset: lines[m.line]!.start,
        }),
      );
    } else {
      messages.push(
        textMessage('warning', 'split/toc-entry-not-found', `TOC entry 《${entry.title}》 has no title line in the body; it is left out.`, {
          offset: lines[entry.line]!.start,
        }),
      );
    }
  });

  // Group headings of the TOC ("第二章 国家XX法规政策", "一、法律") are printed again in the
  // body just above the first document of their group; they end the previous document.
  // Only the few lines above that title are looked at, so a heading inside a document never cuts it.
  const cuts = new Set<number>();
  matches.forEach((m) => m && cuts.add(m.line));
  wanted.forEach((w, k) => {
    const m = matches[k];
    if (!m) return;
    const previous = k > 0 ? wanted[k - 1]!.index : -1;
    const groups = toc.entries.filter((e, i) => i > previous && i < w.index && e.type !== 'document');
    if (groups.length === 0) return;
    const keys = new Set(groups.flatMap((g) => [matchKey(g.title), matchKey(g.label)]));
    const floor = k > 0 && matches[k - 1] ? matches[k - 1]!.next : toc.end;
    for (let i = m.line - 1, seen = 0; i >= floor && seen < 3; i--) {
      const line = lines[i]!.clean;
      if (line === '') continue;
      seen++;
      if (keys.has(matchKey(line)) || keys.has(matchKey(stripNumbering(line)))) cuts.add(i);
    }
  });
  const sortedCuts = [...cuts].sort((a, b) => a - b);
  const nextCut = (line: number) => sortedCuts.find((c) => c > line) ?? to;

  const frontEnd = sortedCuts[0] ?? to;
  const compilation: Draft = { kind: 'compilation', from: nextNonBlank(lines, front, frontEnd), to: frontEnd, messages };
  fillMeta(compilation, readFrontMatter(lines, front, toc.line));

  const drafts: Draft[] = [compilation];
  wanted.forEach(({ entry }, k) => {
    const m = matches[k];
    if (!m) return;
    const end = nextCut(m.line);
    const head = readHead(lines, m.line, end, { knownTitleEnd: m.next });
    const draft: Draft = { title: entry.title, kind: entry.kind, from: m.line, to: end, partOf: 0, messages: [] };
    fillMeta(draft, { ...head, version: entry.version ?? head.version, title: entry.title });
    fillMeta(draft, { issuer: issuerFromTitle(entry.title) });
    if (draft.kind === 'notice') {
      const parts = splitNotice(lines, draft, head.bodyLine);
      if (parts.length > 1) {
        const base = drafts.length;
        drafts.push(...parts.map((p, i) => (i === 0 ? p : { ...p, attachmentOf: base })));
        return;
      }
    }
    fillMeta(draft, readSignature(lines, head.bodyLine, end));
    drafts.push(draft);
  });
  return drafts;
}

/** Offsets [start, end) of a line range with surrounding blank lines trimmed. */
function rangeOffsets(lines: Line[], text: string, from: number, to: number): { start: number; end: number } {
  const first = lines[from];
  if (!first || from >= to) return { start: first?.start ?? text.length, end: first?.start ?? text.length };
  let last = to - 1;
  while (last > from && lines[last]!.raw.trim() === '') last--;
  return { start: first.start, end: lines[last]!.end };
}

/**
 * Splits a normalized file into the documents it holds.
 *
 * - A single document: one slice; its title from the title line (one to three
 *   lines ending in a document type word, plus a version line such as
 *   "（2024-2025年）"), else from the manifest.
 * - A notice issuing documents ("关于印发《X》的通知" followed by X): the notice
 *   (kind notice), then each document it issues with `attachmentOf` = the
 *   notice's index.
 * - A compilation (a 目录 listing documents): slice 0 holds its front matter
 *   (title, compiler, date, table of contents) with kind 'compilation'; every TOC
 *   entry found in the body follows with `partOf` = 0, titled as the TOC has it.
 *
 * Issuer, date and 文号 come from the text (header, lines under the title,
 * signature); the manifest fills what the text does not say, and only for the
 * file's first slice — documents found inside a file speak for themselves.
 * Problems (a TOC entry without its text…) are messages on the slices.
 *
 * @param manifest default undefined: metadata a maintainer gave for this file.
 */
export function splitDocuments(file: NormalizedFile, manifest?: ManifestEntry): DocumentSlice[] {
  const lines = toLines(file.text);
  const drafts = splitCompilations(lines) ?? splitSingle(lines, 0, lines.length);
  const first = drafts[0]!;
  if (!first.title && manifest?.title) {
    fillMeta(first, titleAndVersion(manifest.title));
    first.messages.push(textMessage('info', 'split/title-from-manifest', 'The file has no title line; its title comes from the manifest.'));
  }
  if (!first.title) {
    first.title = path.basename(file.source.path).replace(/\.[^.]+$/, '');
    first.messages.push(textMessage('warning', 'split/no-title', 'No title line and no title in the manifest; the file name stands in.'));
  }
  if (manifest) {
    fillMeta(first, { issuer: manifest.issuer, date: manifest.date, docNumber: manifest.docNumber });
    first.kind = manifest.kind ?? first.kind;
  }
  if (first.kind === 'other') first.kind = kindFromTitle(first.title);

  return drafts.map((d, index) => {
    const { start, end } = rangeOffsets(lines, file.text, d.from, d.to);
    const title = d.title ?? '';
    const slice: DocumentSlice = {
      title,
      kind: d.kind,
      start,
      end,
      text: file.text.slice(start, end),
      file,
      index,
      messages: d.messages.map((m) => ({
        ...m,
        path: file.source.path,
        offset: toOriginalOffset(file.map, m.offset ?? start),
      })),
    };
    for (const key of ['issuer', 'date', 'docNumber', 'version'] as const) if (d[key] !== undefined) slice[key] = d[key];
    if (d.attachmentOf !== undefined) slice.attachmentOf = d.attachmentOf;
    if (d.partOf !== undefined) slice.partOf = d.partOf;
    if (slice.kind === 'catalogue') slice.messages.push(...checkCatalogue(parseCatalogue(slice.text), { path: file.source.path, offset: toOriginalOffset(file.map, start) }));
    return slice;
  });
}
