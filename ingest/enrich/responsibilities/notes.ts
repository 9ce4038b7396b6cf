import type { DepartmentRegistry } from '../../../core/departments/index.js';
import { isBodyLike, splitDepartmentList, splitOutsideParens } from './department-list.js';
import { ANY_LABEL, DEADLINE_LABEL, HAND_DOWN_OPENING, LEADER_LABEL, NEUTRAL_LABEL, POST, ROLE_SUFFIX, classifyRole } from './roles.js';
import type { Role } from '../../../core/model/task.js';
import { NOTE_CLOSE, NOTE_OPEN } from '../../../core/patterns/numbering.js';

/** One owner as a note writes it, before resolution. */
export interface WrittenOwner {
  asWritten: string;
  role: Role;
  /** Handed down by an earlier note or paragraph (下同, 以下任务均需…). */
  inherited?: boolean;
}

export interface ParsedNote {
  owners: WrittenOwner[];
  /** Fragments that are not bodies (kept out of `owners`, reported by the enricher). */
  rejected: string[];
  /** The note names roles with labels (责任单位：…). */
  labelled: boolean;
  /** The note names roles with closing words (…负责, …配合). */
  suffixed: boolean;
  /** People or posts named beside the owners (分管领导：…, 分管副省长负责), in order. */
  leaders: string[];
  /** The note hands its owners down to the tasks after it (…，下同). */
  handsDown: boolean;
  /** When a bracketed （下同） follows one clause of the note: the owners of that clause only, handed down. */
  handDown?: WrittenOwner[];
}

/** A note stating its own rule: the first body listed leads (列第一位的为牵头部门), the others as their duties say. */
const FIRST_LEADS = /[，,；;。]?(?:列|排)(?:在)?(?:第一位|首位)的?(?:为|是)牵头(?:单位|部门)/;
const OTHERS_AS_DUTIES = /[，,；;。]?其[他它余](?:单位|部门|责任单位)?按(?:职责|职能)?分工负责/;
/**
 * 下同 / 以下同 / 后同 closing a note (also 下同，不再列出 and 以下各项同): its owners
 * hold for the tasks below.
 */
const HANDS_DOWN = /[，,；;。]?(?:以|此)?(?:下|后)(?:各项|各条|任务)?(?:均)?同(?:此)?(?:[，,；;]?(?:不再|不另)(?:单独|一一|逐项|逐一)?(?:列出|列明|标注|注明|列举))?[。]?$/;

/** （下同） after one clause of a note (各街办负责具体实施（下同）): that clause's owners hold for the tasks below. */
const CLAUSE_HANDS_DOWN = /[（(](?:以|此)?(?:下|后)(?:均)?同[）)]/;

/**
 * A clause naming a body and the part of the task it answers for: 儒乐湖新城管委会负责土地和配套保障.
 * The body is responsible; the duty words are not a name.
 */
const DUTY_CLAUSE = /^([^：:]{2,40}?)负责(?!具体实施|组织实施|落实)([\u4e00-\u9fff、和及与]{2,14})$/;

type Slot = Role | 'leader' | 'deadline' | undefined;

/** A role label (责任单位：) that a deadline label's words could also match: the role wins. */
const ROLE_LABEL_AT_START = /^(?:牵头|主责|责任|负责|配合|协同|参与)/;

/** A role in brackets after a name: 市财政局（牵头）. */
const ROLE_MARK = /[（(](牵头|主责|负责|配合|参与|协同)(?:单位|部门)?[）)]$/;
/** What a post is named for beside a note: 分管副市长负责协调. */
const POST_DUTY = /(?:负责)?(?:统筹)?(?:协调|督导|督办|调度|推进)$/;

/**
 * Reads the inside of an owner note into owners with roles, in the order written.
 * Handles labels (（牵头单位：A、B，责任单位：C）: a label holds until the next one),
 * closing words (（A、B分工负责，C、D配合）, （A负责，B配合）, …按职责分工负责) — a
 * closing word also gives its role to the bare groups before it (A牵头，B、C，D配合:
 * B, C and D cooperate) —, bare lists (role responsible), leaders (分管领导：…,
 * 分管副省长负责: kept apart), 列第一位的为牵头部门 and 下同. Whitespace inside is
 * extraction damage and removed.
 */
export function parseOwnerNote(inner: string, registry: DepartmentRegistry): ParsedNote {
  const out: ParsedNote = { owners: [], rejected: [], labelled: false, suffixed: false, leaders: [], handsDown: false };
  // Parentheses inside a bracket note are sometimes written 〈〉 (各县〈市、区〉人民政府): they are parentheses.
  let text = inner.replace(/\s+/g, '').replace(/〈/g, '（').replace(/〉/g, '）');
  const firstLeads = FIRST_LEADS.test(text);
  if (firstLeads) text = text.replace(FIRST_LEADS, '').replace(OTHERS_AS_DUTIES, '');
  const clauseMark = text.match(CLAUSE_HANDS_DOWN);
  if (clauseMark) {
    const before = text.slice(0, clauseMark.index);
    const clause = before.slice(Math.max(before.lastIndexOf('；'), before.lastIndexOf(';'), before.lastIndexOf('。')) + 1);
    text = before + text.slice(clauseMark.index! + clauseMark[0].length);
    out.handsDown = true;
    out.handDown = parseOwnerNote(clause, registry).owners;
  }
  const isBody = (name: string) => !!registry.lookup(name) || isBodyLike(name);
  const dutyOf = (clause: string) => {
    const m = clause.match(DUTY_CLAUSE);
    return m && !ROLE_SUFFIX.test(clause) && splitDepartmentList(m[1]!, registry).every(isBody) ? `${m[1]}负责` : undefined;
  };
  if (HANDS_DOWN.test(text)) {
    out.handsDown = true;
    text = text.replace(HANDS_DOWN, '');
    // 下同 after a last clause that states its own duty (…；X负责土地保障，下同): that clause is what recurs.
    const last = text.slice(Math.max(text.lastIndexOf('；'), text.lastIndexOf(';')) + 1);
    if (last !== text && dutyOf(last)) out.handDown = parseOwnerNote(last, registry).owners;
  }
  // A post may come with what it does there: 分管副市长负责协调.
  const isPost = (name: string) => !isBody(name) && POST.test(name.replace(POST_DUTY, ''));
  /** `whole` is the clause with its closing word, reported as written when no body precedes the word. */
  const addNames = (part: string, role: Role, whole?: string) => {
    const names = splitDepartmentList(part.replace(/^(由|请|会同)/, ''), registry);
    // No body before the closing word: the whole phrase is prose (按要求落实), or the posts that answer for it.
    if (whole !== undefined && !names.some(isBody)) {
      if (names.length && names.every(isPost)) out.leaders.push(...names.map((n) => n.replace(POST_DUTY, '')));
      else out.rejected.push(whole);
      return;
    }
    for (const written of names) {
      // A role marked after one name (市财政局（牵头）、市税务局) is that body's.
      const marked = written.match(ROLE_MARK);
      const name = marked ? written.slice(0, marked.index) : written;
      if (isBody(name)) out.owners.push({ asWritten: name, role: (marked && classifyRole(marked[1]!)) ?? role });
      else if (isPost(name)) out.leaders.push(name.replace(POST_DUTY, ''));
      else out.rejected.push(written);
    }
  };
  // Bare groups waiting for the closing word that gives their role.
  let pending: string[] = [];
  const flush = (role: Role) => {
    for (const p of pending) addNames(p, role);
    pending = [];
  };
  // A closing word seen since the last label: bare groups after it wait for the next one (责任单位：A牵头，B，C配合).
  let closedSinceLabel = false;
  const add = (part: string, slot: Slot) => {
    // The deadline part of a note (完成时限：2026年底) names no owner.
    if (slot === 'deadline') return;
    if (slot === 'leader') {
      out.leaders.push(part.replace(/^[，,；;、]+|[，,；;、。]+$/g, ''));
      return;
    }
    const suffix = part.match(ROLE_SUFFIX);
    if (suffix) {
      const role = classifyRole(suffix[1]!) ?? slot ?? 'responsible';
      out.suffixed = true;
      closedSinceLabel = true;
      flush(role);
      // a closing word alone (…，分工负责) closes the groups before it and adds no name
      if (suffix.index! > 0) addNames(part.slice(0, suffix.index), role, part);
    } else if (slot && !(slot === 'responsible' && closedSinceLabel)) addNames(part, slot);
    else pending.push(part);
  };
  let slot: Slot;
  for (const clause of splitOutsideParens(text, /[，,；;。]/)) {
    let rest = dutyOf(clause) ?? clause;
    for (let m = rest.match(ANY_LABEL); m; m = rest.match(ANY_LABEL)) {
      const before = rest.slice(0, m.index);
      if (before) add(before, slot);
      if (slot !== 'leader' && slot !== 'deadline') flush(slot ?? 'responsible');
      const label = m[0];
      closedSinceLabel = false;
      if (DEADLINE_LABEL.test(label) && !ROLE_LABEL_AT_START.test(label)) slot = 'deadline';
      else {
        slot = LEADER_LABEL.test(label) ? 'leader' : NEUTRAL_LABEL.test(label) ? undefined : classifyRole(label.slice(0, -1));
        if (!NEUTRAL_LABEL.test(label) && !LEADER_LABEL.test(label)) out.labelled = true;
      }
      rest = rest.slice(m.index! + label.length);
    }
    if (rest) add(rest, slot);
    // A leader's name runs to the end of its clause, as does a deadline; the next clause is owners again.
    if (slot === 'leader' || slot === 'deadline') slot = undefined;
  }
  flush('responsible');
  if (firstLeads && out.owners.length) {
    out.owners[0] = { ...out.owners[0]!, role: 'lead' };
    out.labelled = true;
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
  // A closing word over bodies reads as a note even when a fragment is not a body (reported, never dropped silently).
  if (parsed.suffixed) return parsed.rejected.length === 0 || parsed.owners.length > parsed.rejected.length;
  return afterSentence && parsed.rejected.length === 0;
}

/**
 * Finds the owner notes of a text, with one reader per shape: notes in brackets
 * (（）, (), 【】, 〔〕, [], half or full width; see findBracketNotes) and note
 * lines (牵头单位：… on its own line; see findNoteLines), in text order. A bracket
 * note the text ends inside is returned with `closed: false` when it already
 * labels or closes its roles.
 */
export function findOwnerNotes(text: string, registry: DepartmentRegistry): OwnerNote[] {
  const bracketed = findBracketNotes(text, registry);
  const lines = findNoteLines(text, registry).filter((l) => !bracketed.some((b) => l.start < b.end && b.start < l.end));
  return [...bracketed, ...lines].sort((x, y) => x.start - y.start);
}

/** Where a note line may start: a line's start, or right after a sentence's end. */
const LINE_NOTE_START = new RegExp(`(?:^|(?<=\\n)|(?<=[。；;]))[ \u3000]*(?=${ANY_LABEL.source})`, 'g');
const STARTS_WITH_LABEL = new RegExp(`^[ \u3000]*(?:${ANY_LABEL.source})`);

/**
 * The note-line reader: owners written on their own lines under the task, not in
 * brackets — 牵头单位：A / 配合单位：B, 责任单位：…, 部门分工：A牵头，B配合, possibly
 * after a 分管领导： line naming a person. Consecutive label lines make one note;
 * a note line runs to the end of its line.
 */
export function findNoteLines(text: string, registry: DepartmentRegistry): OwnerNote[] {
  const notes: OwnerNote[] = [];
  let after = 0;
  for (const m of text.matchAll(LINE_NOTE_START)) {
    const start = m.index + m[0].length;
    if (start < after) continue;
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    while (end < text.length) {
      const next = text.indexOf('\n', end + 1);
      const line = text.slice(end + 1, next === -1 ? text.length : next);
      if (!STARTS_WITH_LABEL.test(line)) break;
      end = next === -1 ? text.length : next;
    }
    const inner = text.slice(start, end);
    const parsed = parseOwnerNote(inner.replace(/\n/g, '；'), registry);
    if (parsed.owners.length && (parsed.labelled || parsed.suffixed)) {
      notes.push({ start, end, inner, closed: true, parsed });
      after = end;
    }
  }
  return notes;
}

/**
 * The bracket reader: notes in （）, (), 【】, 〔〕 or [], half or full width,
 * with parentheses nested inside (各县（市、区）人民政府).
 */
function findBracketNotes(text: string, registry: DepartmentRegistry): OwnerNote[] {
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
    // Most parentheses are prose; only those naming a body or a role are worth parsing. A bracket handing owners
    // down (（以下任务均需各市人民政府落实）) names the owners of the tasks after it, not of this text (walk.ts).
    const parsed = MAY_NAME_OWNERS.test(inner) && !HAND_DOWN_OPENING.test(inner.replace(/\s+/g, '')) ? parseOwnerNote(inner, registry) : undefined;
    if (parsed && isOwnerNote(parsed, afterSentence)) {
      notes.push({ start: i, end: close + 1, inner, closed: true, parsed });
      i = close + 1;
    } else {
      i++;
    }
  }
  return notes;
}
