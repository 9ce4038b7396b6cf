import { z } from 'zod';
import { SafeId } from '../../core/ids/ids.js';
import { textMessage, type TextMessage } from '../../core/model/messages.js';
import { documentId } from '../../core/ids/document-id.js';
import { tidyTitle } from '../../core/text/lines.js';
import { parseDate } from './metadata.js';

/**
 * A catalogue (附表: a list of related documents) printed as a table:
 * "序号\t名称\t发文日期\t发文单位", one row per document. Extracted from PDF the
 * table breaks across pages: the header row repeats, and a row may be split
 * over two lines ("5\t《…全国统一大市场" / "的意见》\t2022.03.25\t…", or an issuer
 * wrapped to "部门" on the next line).
 */

export const CatalogueEntry = z.object({
  /** The 序号 as printed. */
  number: z.number().int().nonnegative(),
  /** The document's title, without 《》. */
  title: z.string().min(1),
  /** ISO date (YYYY-MM-DD; YYYY-MM or YYYY when that is all the row says). */
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .optional(),
  issuer: z.string().min(1).optional(),
  /** The id the listed document has or would have ({@link documentId} of the title), so a row links to its document. */
  id: SafeId,
});
export type CatalogueEntry = z.infer<typeof CatalogueEntry>;

type Role = 'number' | 'title' | 'date' | 'issuer' | 'other';

/** Column roles from header cells; the usual order when the table has no header. */
function rolesOf(header: string[] | undefined): Role[] {
  if (!header) return ['number', 'title', 'date', 'issuer'];
  return header.map((h) => {
    if (/序号|编号/.test(h)) return 'number';
    if (/日期|时间/.test(h)) return 'date';
    if (/单位|机关|部门|机构|发文/.test(h)) return 'issuer';
    if (/名称|标题|文件|题目/.test(h)) return 'title';
    return 'other';
  });
}

const isHeaderRow = (line: string) => /序号|编号/.test(line) && /名称|标题|文件/.test(line);
const ROW_START = /^\s*(\d{1,4})\s*(?:\t|$|\s+(?=《))/;

function cellsOf(line: string): string[] {
  const cells = line.includes('\t') ? line.split('\t') : line.trim().split(/\s{2,}/);
  return cells.map((c) => c.trim());
}

/** Whether a cell in a column is finished, so a following fragment starts the next cell. */
function isComplete(role: Role | undefined, cell: string, fragment: string): boolean {
  if (role === 'number') return true;
  if (role === 'title') return /》$/.test(cell) || (!cell.startsWith('《') && parseDate(fragment) !== undefined);
  if (role === 'date') return parseDate(cell) !== undefined;
  return false;
}

/** "《X》" → "X", "《X》（试行）" → "X（试行）"; inner 《》 of "关于印发《X》的通知" stay. */
function stripTitleMarks(title: string): string {
  const m = /^《([^《》]+)》(.*)$/.exec(title);
  return m ? m[1]! + m[2]! : title.replace(/^《([^《》]*)$/, '$1');
}

/**
 * Parses the rows of a catalogue table into entries. Header rows (repeated on
 * every page) are skipped; a row split over lines is joined — cell by cell when
 * the continuation keeps the columns (it starts with a tab), else flowing into
 * the unfinished cell. A line holding only a number is a row only when its
 * text follows; otherwise it is a page number.
 */
export function parseCatalogue(text: string): CatalogueEntry[] {
  const lines = text.split(/\r?\n/);
  const headerLine = lines.find((l) => l.includes('\t') && isHeaderRow(l));
  const roles = rolesOf(headerLine ? cellsOf(headerLine) : undefined);
  const rows: string[][] = [];
  let current: string[] | undefined;
  let blanks = 0;

  lines.forEach((rawLine, i) => {
    const line = rawLine.replace(/[\s\u3000]+$/, '');
    if (line.trim() === '') {
      blanks++;
      return;
    }
    const gap = blanks;
    blanks = 0;
    if (isHeaderRow(line)) return;
    const start = ROW_START.exec(line);
    if (start) {
      const n = Number(start[1]);
      const last = rows.length ? Number(rows[rows.length - 1]![0]) : 0;
      const onlyNumber = line.trim() === start[1];
      const next = lines.slice(i + 1).find((l) => l.trim() !== '');
      const pageNumber = onlyNumber && (next === undefined || isHeaderRow(next) || ROW_START.test(next));
      if (!pageNumber && (rows.length === 0 || n > last)) {
        current = cellsOf(line);
        rows.push(current);
        return;
      }
      if (pageNumber) return;
    }
    if (!current) return;
    // Prose after the table is not a continuation: continuations are cells or short fragments.
    if (!line.includes('\t') && (line.trim().length > 30 || /[。；]$/.test(line) || gap > 2)) {
      current = undefined;
      return;
    }
    const cells = cellsOf(line);
    if (line.startsWith('\t') && cells.length > 1) {
      cells.forEach((cell, col) => {
        if (cell !== '') current![col] = (current![col] ?? '') + cell;
      });
      return;
    }
    cells.forEach((fragment, k) => {
      if (fragment === '' && k > 0) return;
      const lastIndex = current!.length - 1;
      const lastCell = current![lastIndex] ?? '';
      // The first fragment continues the unfinished cell (or the last column, which runs on).
      const continues = current!.length >= roles.length || !isComplete(roles[lastIndex], lastCell, fragment);
      if (k === 0 && continues) current![lastIndex] = lastCell + fragment;
      else current!.push(fragment);
    });
  });

  const col = (role: Role) => roles.indexOf(role);
  const entries: CatalogueEntry[] = [];
  for (const row of rows) {
    const rawTitle = row[col('title')] ?? '';
    const title = stripTitleMarks(tidyTitle(rawTitle));
    if (!title) continue;
    const date = parseDate(row[col('date')] ?? '');
    const issuer = tidyTitle(row[col('issuer')] ?? '');
    entries.push(
      CatalogueEntry.parse({
        number: Number(row[col('number')] ?? row[0]),
        title,
        ...(date ? { date } : {}),
        ...(issuer ? { issuer } : {}),
        id: documentId({ title }),
      }),
    );
  }
  return entries;
}

/**
 * Problems of a parsed catalogue worth telling the maintainer: numbers that
 * skip or repeat (a row lost or split wrongly), rows without a date.
 */
export function checkCatalogue(entries: CatalogueEntry[], where: { path?: string; offset?: number } = {}): TextMessage[] {
  const messages: TextMessage[] = [];
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    if (prev && e.number !== prev.number + 1) {
      messages.push(textMessage('warning', 'split/catalogue-numbering', `Catalogue row ${e.number} follows row ${prev.number}.`, where));
    }
    if (!e.date) messages.push(textMessage('info', 'split/catalogue-no-date', `Catalogue row ${e.number} 《${e.title}》 has no date.`, where));
  });
  return messages;
}
