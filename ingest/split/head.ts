import type { Line } from '../../core/text/lines.js';
import { tidyTitle } from '../../core/text/lines.js';
import { adoptionLine, dateLine, docNumberLine, isOrganName, organHeader, findDate } from './metadata.js';
import { endsWithTypeWord, isAddresseeLine, isHeaderNoise, isTitleShaped, titleAndVersion, versionLine } from '../../core/text/title.js';

/** What the opening lines of a document say about it (GB/T 9704 版头 and title block). */
export interface Head {
  title?: string;
  version?: string;
  issuer?: string;
  date?: string;
  docNumber?: string;
  /** Index of the first title line, when a title was found. */
  titleLine?: number;
  /** Index of the first line after the title block (title, version, date, 文号 lines). */
  bodyLine: number;
}

const TRAILING_DATE = /[（(][^（）()]*[）)]\s*$/u;

/** How many lines a title may be wrapped over (GB/T 9704 titles often take two or three). */
const MAX_TITLE_LINES = 3;

/** The next non-blank line index at or after i (before `to`), or `to`. */
export function nextNonBlank(lines: Line[], i: number, to: number): number {
  while (i < to && lines[i]!.clean === '') i++;
  return i;
}

/**
 * Reads a title that starts at line i: one to three title-shaped lines whose
 * joined text ends in a document type word, possibly followed by a version line.
 * Returns the title, its version, and the index after the last title line.
 */
export function readTitleAt(
  lines: Line[],
  i: number,
  to: number,
): { title: string; version?: string; date?: string; next: number } | undefined {
  let joined = '';
  let j = i;
  for (let n = 0; n < MAX_TITLE_LINES && j < to; n++) {
    const line = lines[j]!.clean;
    if (!isTitleShaped(line, 80) || versionLine(line) || dateLine(line) || isAddresseeLine(line)) break;
    // An organ name alone is a signature or the header's organ, not a title line.
    if (n === 0 && isOrganName(line)) break;
    joined += line;
    j = nextNonBlank(lines, j + 1, to);
    // A title wrapped inside 《…》 is not finished until the mark closes.
    if ((joined.match(/《/g) ?? []).length !== (joined.match(/》/g) ?? []).length) continue;
    // A date glued to the title by extraction: "某某纲要（2015年9月）".
    const glued = TRAILING_DATE.exec(joined);
    const date = glued ? dateLine(glued[0]) : undefined;
    const tv = titleAndVersion(date ? joined.slice(0, glued!.index) : joined);
    const following = j < to ? versionLine(lines[j]!.clean) : undefined;
    if (endsWithTypeWord(tv.title)) {
      const dated = date ? { date } : {};
      if (following && !tv.version) return { title: tv.title, version: following, ...dated, next: nextNonBlank(lines, j + 1, to) };
      return { ...tv, ...dated, next: j };
    }
  }
  return undefined;
}

function opensTitleBlock(lines: Line[], i: number, to: number): boolean {
  return i < to && (docNumberLine(lines[i]!.clean) !== undefined || readTitleAt(lines, i, to) !== undefined);
}

/**
 * Reads the head of a document in lines [from, to): header noise (份号, 密级),
 * the organ header "X文件", the 文号, the title block, then the lines under the
 * title that carry a version, a date or an adoption note.
 *
 * @param opts.knownTitleEnd default undefined: when the title lines are already
 *   known (from a compilation's table of contents), the index of the line after
 *   them; only what follows is read.
 */
export function readHead(lines: Line[], from: number, to: number, opts: { knownTitleEnd?: number } = {}): Head {
  const head: Head = { bodyLine: from };
  let i = nextNonBlank(lines, from, to);
  let organPrefix = '';
  if (opts.knownTitleEnd !== undefined) {
    head.titleLine = i;
    i = nextNonBlank(lines, opts.knownTitleEnd, to);
  } else {
    for (; i < to; i = nextNonBlank(lines, i + 1, to)) {
      const line = lines[i]!.clean;
      const organ = organHeader(line);
      const number = docNumberLine(line);
      if (organ) head.issuer ??= organ;
      else if (number) head.docNumber ??= number;
      else if (isHeaderNoise(line)) continue;
      else if (isOrganName(line) && opensTitleBlock(lines, nextNonBlank(lines, i + 1, to), to)) {
        const after = nextNonBlank(lines, i + 1, to);
        // "某某人民政府办公厅" over "关于印发…的通知" is the first line of the title (GB/T 9704 wraps titles).
        if (/^关于/.test(lines[after]!.clean)) {
          organPrefix = tidyTitle(line);
          head.issuer ??= organPrefix;
          i = after;
          break;
        }
        // A bare organ name above the 文号 or title is the header too (a red-letter header without 文件).
        head.issuer ??= tidyTitle(line);
      } else break;
    }
    const title = i < to ? readTitleAt(lines, i, to) : undefined;
    if (title) {
      head.title = organPrefix + title.title;
      if (title.version) head.version = title.version;
      if (title.date) head.date = title.date;
      head.titleLine = i;
      i = title.next;
    }
  }
  // Lines under the title: version, date, adoption note, 文号 — in any order, a few at most.
  for (let n = 0; n < 4 && i < to; n++, i = nextNonBlank(lines, i + 1, to)) {
    const line = lines[i]!.clean;
    const version = versionLine(line);
    const date = dateLine(line);
    const adoption = adoptionLine(line);
    const number = docNumberLine(line);
    if (version) head.version ??= version;
    else if (date) head.date ??= date;
    else if (adoption) {
      head.date ??= adoption.date;
      if (adoption.issuer) head.issuer ??= adoption.issuer;
    } else if (number) head.docNumber ??= number;
    else break;
  }
  head.bodyLine = i;
  return head;
}

/**
 * Reads the signature at the end of lines [from, to): the last standalone date
 * line among the closing lines, and the organ name signed above it (skipping
 * "（XX代章）"-style notes). Annotations after the date (（此件公开发布）, 抄送, 印发)
 * are skipped.
 */
export function readSignature(lines: Line[], from: number, to: number): { issuer?: string; date?: string; line?: number } {
  let seen = 0;
  for (let i = to - 1; i >= from && seen < 12; i--) {
    const line = lines[i]!.clean;
    if (line === '') continue;
    seen++;
    const date = dateLine(line);
    if (!date) continue;
    for (let j = i - 1, k = 0; j >= from && k < 4; j--) {
      const above = lines[j]!.clean;
      if (above === '') continue;
      k++;
      if (/^[（(].*[）)]$/.test(above)) continue;
      if (isOrganName(above)) return { issuer: tidyTitle(above), date, line: j };
      break;
    }
    // Without an organ above it, only a full date reads as a signature date (not "2024年12月" in a schedule).
    return /^\d{4}-\d{2}-\d{2}$/.test(date) ? { date, line: i } : {};
  }
  return {};
}

/** The organ named before 关于 in a title: "某省人民政府办公厅关于印发…的通知" → "某省人民政府办公厅". */
export function issuerFromTitle(title: string): string | undefined {
  const m = /^(.{2,40}?)关于/u.exec(title);
  return m && isOrganName(m[1]!) ? m[1] : undefined;
}

/** Whether a line carries a date somewhere (used to recognize a compilation's front matter). */
export function hasDate(line: string): boolean {
  return findDate(line) !== undefined;
}
