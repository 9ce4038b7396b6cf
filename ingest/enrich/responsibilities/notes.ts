import type { DepartmentRegistry } from '../../departments/index.js';
import { isBodyLike, splitDepartmentList, splitOutsideParens } from './department-list.js';
import { ROLE_LABEL, ROLE_SUFFIX, classifyRole } from './roles.js';
import type { Role } from './task.js';
import { NOTE_CLOSE, NOTE_OPEN } from '../../patterns/numbering.js';

/** One owner as a note writes it, before resolution. */
export interface WrittenOwner {
  asWritten: string;
  role: Role;
}

export interface ParsedNote {
  owners: WrittenOwner[];
  /** Fragments that are not bodies (kept out of `owners`, reported by the enricher). */
  rejected: string[];
  /** The note names roles with labels (责任单位：…). */
  labelled: boolean;
  /** The note names roles with closing words (…负责, …配合). */
  suffixed: boolean;
}

/**
 * Reads the inside of an owner note into owners with roles, in the order written.
 * Handles labels (（牵头单位：A、B，责任单位：C）: a label holds until the next one),
 * closing words (（A、B分工负责，C、D配合）, （A负责，B配合）, …按职责分工负责) and
 * bare lists (role responsible). Whitespace inside is extraction damage and removed.
 */
export function parseOwnerNote(inner: string, registry: DepartmentRegistry): ParsedNote {
  const out: ParsedNote = { owners: [], rejected: [], labelled: false, suffixed: false };
  let current: Role | undefined;
  const add = (part: string, role: Role | undefined) => {
    let rest = part;
    const suffix = rest.match(ROLE_SUFFIX);
    if (suffix && suffix.index! > 0) {
      role = classifyRole(suffix[1]!) ?? role;
      rest = rest.slice(0, suffix.index);
      out.suffixed = true;
    } else if (suffix) {
      return; // a closing word alone (…，分工负责) adds no name
    }
    const names = splitDepartmentList(rest.replace(/^(由|请|会同)/, ''), registry);
    const isBody = (name: string) => !!registry.lookup(name) || isBodyLike(name);
    // No body before the closing word: the whole phrase is prose (按要求落实), reported as written.
    if (suffix && !names.some(isBody)) {
      out.rejected.push(part);
      return;
    }
    for (const name of names) {
      if (isBody(name)) out.owners.push({ asWritten: name, role: role ?? 'responsible' });
      else out.rejected.push(name);
    }
  };
  for (const clause of splitOutsideParens(inner.replace(/\s+/g, ''), /[，,；;。]/)) {
    let rest = clause;
    for (let m = rest.match(ROLE_LABEL); m; m = rest.match(ROLE_LABEL)) {
      const before = rest.slice(0, m.index);
      if (before) add(before, current);
      current = classifyRole(m[1]!);
      out.labelled = true;
      rest = rest.slice(m.index! + m[0].length);
    }
    if (rest) add(rest, current);
  }
  return out;
}

/** A parenthetical owner note found in a text. */
export interface OwnerNote {
  /** Offsets of the whole note, parentheses included, in the text searched. */
  start: number;
  end: number;
  inner: string;
  /** False when the text ends before the note closes (a page break cut it). */
  closed: boolean;
  parsed: ParsedNote;
}

/** Longest parenthetical read as a note; longer ones are prose. */
const MAX_NOTE = 600;
const SENTENCE_END = /[。；;！？!?：:]$/;
const MAY_NAME_OWNERS = /单位|部门|负责|牵头|配合|参与|协助|协同|[厅局委办部院署]|政府|公司|分行|总队|机关|海关/;

/**
 * Decides whether a parenthetical is an owner note: it labels roles
 * (责任单位：…), or closes a list of bodies with a role word (…分工负责), or is
 * a bare list of bodies the registry knows standing after a sentence's end.
 * Everything else ((以下简称“规划”), (2024-2025年), (一)) is prose.
 */
export function isOwnerNote(parsed: ParsedNote, afterSentence: boolean): boolean {
  if (parsed.owners.length === 0) return false;
  if (parsed.labelled) return true;
  if (parsed.suffixed) return parsed.rejected.length === 0;
  return afterSentence && parsed.rejected.length === 0;
}

/**
 * Finds the owner notes of a text, in ASCII or full-width parentheses or 【】, with
 * parentheses nested inside (各县（市、区）人民政府). A note the text ends inside
 * is returned with `closed: false` when it already labels or closes its roles.
 */
export function findOwnerNotes(text: string, registry: DepartmentRegistry): OwnerNote[] {
  const notes: OwnerNote[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (!NOTE_OPEN.includes(ch!)) {
      i++;
      continue;
    }
    let depth = 0;
    let close = -1;
    let j = i;
    for (; j < text.length && j - i <= MAX_NOTE; j++) {
      const c = text[j];
      if (NOTE_OPEN.includes(c!)) depth++;
      else if (NOTE_CLOSE.includes(c!)) {
        depth--;
        if (depth === 0) {
          close = j;
          break;
        }
      }
    }
    const afterSentence = i === 0 || SENTENCE_END.test(text.slice(0, i).trimEnd()) || text.slice(0, i).trim() === '';
    if (close === -1) {
      if (j >= text.length) {
        const inner = text.slice(i + 1);
        const parsed = parseOwnerNote(inner, registry);
        if (parsed.owners.length && (parsed.labelled || parsed.suffixed)) {
          notes.push({ start: i, end: text.length, inner, closed: false, parsed });
          break;
        }
      }
      i++;
      continue;
    }
    const inner = text.slice(i + 1, close);
    // Most parentheses are prose; only those naming a body or a role are worth parsing.
    const parsed = MAY_NAME_OWNERS.test(inner) ? parseOwnerNote(inner, registry) : undefined;
    if (parsed && isOwnerNote(parsed, afterSentence)) {
      notes.push({ start: i, end: close + 1, inner, closed: true, parsed });
      i = close + 1;
    } else {
      i++;
    }
  }
  return notes;
}
