import { issuingLevel, resolveDepartment, type DepartmentRegistry, type IssuingLevel, type Level } from '../../../core/departments/index.js';
import type { PolicyDocument } from '../../../core/model/document.js';
import { textMessage, type TextMessage } from '../../../core/model/messages.js';
import type { PolicyNode } from '../../../core/model/tree.js';
import type { Owner } from '../../../core/index/schemas.js';
import { findOwnerNotes, isOwnerNote, parseOwnerNote, type OwnerNote, type ParsedNote, type WrittenOwner } from './notes.js';
import { readHandDown } from './hand-down.js';
import { gluedSectionDepartment, sectionDepartment } from './sections.js';
import { NOTE_CLOSE, NOTE_OPEN, matchNumbering } from '../../../core/patterns/numbering.js';
import { splitAtNotes } from './spans.js';
import { readTaskTable } from './tables.js';
import type { Task, TaskForm } from '../../../core/model/task.js';
import { extractYears } from './years.js';
import { taskId } from '../../../core/ids/ids.js';

/**
 * Kinds whose text is read whole: units (their text includes their children's)
 * and leaves. Owner notes inside them are not looked for again in children.
 */
const WHOLE_TEXT_KINDS = new Set(['article', 'task', 'row', 'excerpt', 'entry', 'block', 'paragraph', 'item', 'subitem']);

/** Fragments that are generic words, not a lost body (等, 按职责): no partial-note warning for them. */
const GENERIC_WORDS = /^(等|各自|按职责|按职责分工|按要求|分别|共同|有关|相关|其他|其它)$/;

/** A paragraph that is nothing but owner notes (a note standing apart from its task). */
function isNoteOnly(text: string, registry: DepartmentRegistry): boolean {
  const notes = findOwnerNotes(text, registry);
  return notes.length > 0 && /^[\s，,。；;、]*$/.test(notes.reduce((s, n) => s.replace(text.slice(n.start, n.end), ''), text));
}

/** The text of the first node with text: the title line, when the splitter did not take it as one. */
function firstLine(root: PolicyNode): string {
  const stack = [...root.children];
  while (stack.length) {
    const n = stack.shift()!;
    if (n.text.trim()) return n.text.trim().split('\n')[0]!;
    stack.unshift(...n.children);
  }
  return '';
}

/** Longest tail of a unit that may be the start of a note cut by a page break. */
const MAX_OPEN_TAIL = 300;

/**
 * The level of the bodies a document addresses, for abbreviations shared by
 * levels (发改委): national markers → central, a province → provincial, a city
 * → municipal; otherwise the registry's preferred level.
 */
export function documentLevel(doc: Pick<PolicyDocument, 'title' | 'issuer'>, registry: DepartmentRegistry): Level {
  const words = `${doc.title} ${doc.issuer ?? ''}`;
  if (/省|自治区/.test(words)) return 'provincial';
  if (/^[\u4e00-\u9fff]{2,4}市/.test(doc.title) || /^[\u4e00-\u9fff]{2,4}市/.test(doc.issuer ?? '')) return 'municipal';
  if (/中华人民共和国|国务院|中共中央|^国家|全国/.test(words)) return 'central';
  return registry.preferLevel;
}

/**
 * Resolves written owners to canonical ones, first mention of a department wins,
 * order kept. `issuing` is the document's own level: a bare department word in a
 * 自治区, city or district document is that body's (resolveDepartment).
 */
export function resolveOwners(written: WrittenOwner[], registry: DepartmentRegistry, prefer?: Level, issuing?: IssuingLevel): Owner[] {
  const out: Owner[] = [];
  const seen = new Set<string>();
  for (const w of written) {
    const r = resolveDepartment(w.asWritten, registry, issuing, prefer ? { prefer } : {});
    if (seen.has(r.canonical)) continue;
    seen.add(r.canonical);
    out.push({
      department: r.canonical,
      role: w.role,
      ...(w.asWritten !== r.canonical ? { asWritten: w.asWritten } : {}),
      known: r.known,
      ...(r.collective ? { collective: true } : {}),
      ...(w.inherited ? { inherited: true } : {}),
    });
  }
  return out;
}

interface Draft {
  node: PolicyNode;
  /** Other nodes carrying part of the task (continuation rows). */
  alsoOn?: PolicyNode[];
  title?: string;
  text: string;
  owners: WrittenOwner[];
  rejected?: string[];
  leaders?: string[];
  form: TaskForm;
  years?: number[];
  deadlines?: string[];
}

/** The last unit read, for notes that stand apart from their task or were cut by a page break. */
interface LastUnit {
  node: PolicyNode;
  text: string;
  /** Where the text not yet covered by a note starts. */
  consumed: number;
  /** Start of a parenthesis the text ends inside (a note the next unit may finish). */
  openAt?: number;
  /** That parenthesis already reads as a note (it labels or closes roles). */
  openNote?: OwnerNote;
}

function leadingClose(text: string): number {
  for (let i = 0; i < Math.min(text.length, MAX_OPEN_TAIL); i++) {
    const c = text[i];
    if (NOTE_OPEN.includes(c!)) return -1;
    if (NOTE_CLOSE.includes(c!)) return i;
  }
  return -1;
}

function trailingOpen(text: string, from: number): number | undefined {
  let depth = 0;
  for (let i = text.length - 1; i >= from && text.length - i <= MAX_OPEN_TAIL; i--) {
    const c = text[i];
    if (NOTE_CLOSE.includes(c!)) depth++;
    else if (NOTE_OPEN.includes(c!)) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

/** A node whose text already holds its children's (a unit), whatever its kind. */
function repeatsChildren(node: PolicyNode): boolean {
  return node.children.some((c) => c.text.trim() && node.text.includes(c.text.trim()));
}

function addUnique<T>(list: T[], items: T[], key: (t: T) => string): T[] {
  const seen = new Set(list.map(key));
  for (const it of items) if (!seen.has(key(it))) (seen.add(key(it)), list.push(it));
  return list;
}

/** Extracts the tasks of one document; see extractResponsibilities. */
function extractFromDocument(doc: PolicyDocument, registry: DepartmentRegistry, tasks: Task[], messages: TextMessage[]): void {
  const prefer = documentLevel(doc, registry);
  // A title the splitter missed still stands first in the text.
  const issuing = issuingLevel(doc) ?? issuingLevel({ title: firstLine(doc.root) });
  /** Owners handed down to later tasks (以下任务均需…, …下同), innermost scope last. */
  const handedDown: Array<{ owners: WrittenOwner[]; toNoteless: boolean }> = [];
  /** Owners a 下同 note just handed down, picked up by the loop over its siblings. */
  let lastHandsDown: WrittenOwner[] | undefined;
  const perNode = new Map<string, number>();
  const unknown = new Map<string, { count: number; node: PolicyNode }>();
  const docPath = doc.sources.find((s) => s.chosen)?.path ?? doc.sources[0]?.path;
  const where = (node: PolicyNode) => {
    const src = node.data?.source;
    const path = src?.path ?? docPath;
    return { ...(path ? { path } : {}), ...(src ? { offset: src.start } : {}) };
  };
  let last: LastUnit | undefined;
  // An unnumbered paragraph takes its title from the heading it stands under.
  const parentOf = new Map<string, PolicyNode>();
  const index = (n: PolicyNode) => n.children.forEach((c) => (parentOf.set(c.id, n), index(c)));
  index(doc.root);
  const titleOf = (node: PolicyNode): string | undefined => {
    if (node.heading) return node.heading;
    const parent = parentOf.get(node.id);
    return node.kind === 'block' && parent?.kind === 'heading' ? parent.heading : undefined;
  };

  const emit = (d: Draft): void => {
    for (const r of d.rejected ?? []) {
      messages.push(textMessage('info', 'owners/not-a-body', `Not a department, left out of the owners of ${d.node.id}: ${r}`, where(d.node)));
    }
    // A note read in part: the task keeps what was read; the document says what was left.
    const left = (d.rejected ?? []).filter((r) => !GENERIC_WORDS.test(r));
    if (left.length && d.owners.length) {
      messages.push(textMessage('warning', 'owners/partial-note', `Owner note of ${d.node.citation} read in part; left unread: ${left.join('、')}`, where(d.node)));
    }
    const inherited = handedDown.flatMap((h) => (h.toNoteless && d.owners.length ? [] : h.owners));
    const owners = resolveOwners([...d.owners, ...inherited], registry, prefer, issuing);
    if (owners.length === 0) {
      messages.push(textMessage('warning', 'owners/missing-department', `A task without a department: ${d.node.citation}`, where(d.node)));
      return;
    }
    for (const o of owners) {
      if (o.known) continue;
      const u = unknown.get(o.department) ?? { count: 0, node: d.node };
      u.count++;
      unknown.set(o.department, u);
    }
    const n = (perNode.get(d.node.id) ?? 0) + 1;
    perNode.set(d.node.id, n);
    const named = extractYears(d.text);
    const task: Task = {
      id: taskId(d.node.id, n),
      docId: doc.id,
      docTitle: doc.title,
      clauseId: d.node.id,
      citation: d.node.citation,
      ...((d.title ?? titleOf(d.node)) ? { title: (d.title ?? titleOf(d.node))! } : {}),
      text: d.text,
      owners,
      ...(d.leaders?.length ? { leader: [...new Set(d.leaders)].join('、') } : {}),
      years: d.years ?? named.years,
      deadlines: d.deadlines ?? named.deadlines,
      form: d.form,
    };
    tasks.push(task);
    for (const node of [d.node, ...(d.alsoOn ?? [])]) {
      const data = (node.data ??= {});
      data.owners = addUnique((data.owners as Owner[] | undefined) ?? [], owners, (o) => `${o.department}:${o.role}`);
      data.taskIds = addUnique((data.taskIds as string[] | undefined) ?? [], [task.id], (s) => s);
      if (task.years.length) data.years = addUnique((data.years as number[] | undefined) ?? [], task.years, String).sort((a, b) => a - b);
    }
  };

  /** A draft's owners, fragments and leaders from the notes read for it; a 下同 note hands its owners down. */
  const fromNotes = (parsed: ParsedNote[]): Pick<Draft, 'owners' | 'rejected' | 'leaders'> => {
    const owners = parsed.flatMap((p) => p.owners);
    if (parsed.some((p) => p.handsDown)) lastHandsDown = owners.map((o) => ({ ...o, inherited: true }));
    return { owners, rejected: parsed.flatMap((p) => p.rejected), leaders: parsed.flatMap((p) => p.leaders) };
  };

  /** Emits the task of a note the last unit ended inside, as far as it goes. */
  const flushOpen = (inner?: string): boolean => {
    if (!last || last.openAt === undefined) return false;
    const parsed = inner !== undefined ? parseOwnerNote(inner, registry) : last.openNote?.parsed;
    const done = !!parsed && isOwnerNote(parsed, true);
    if (parsed && done) {
      const note: OwnerNote = { start: last.openAt, end: last.text.length, inner: inner ?? '', closed: true, parsed };
      const span = splitAtNotes(last.text, [note], last.consumed)[0];
      const words = span && last.consumed === 0 ? stripLabel(last.node, span.text) : span?.text;
      if (words) emit({ node: last.node, text: words, ...fromNotes([parsed]), form: 'note' });
      last.consumed = last.text.length;
    }
    last.openAt = undefined;
    last.openNote = undefined;
    return done;
  };

  /** Reads the owner notes of one unit's text (or a container's own lead text). */
  const readUnit = (node: PolicyNode, text: string): void => {
    let from = 0;
    // A note the previous unit opened and a page break cut: this unit starts with its end.
    if (last?.openAt !== undefined) {
      const close = leadingClose(text);
      if (close >= 0 && flushOpen(last.text.slice(last.openAt + 1) + text.slice(0, close))) from = close + 1;
      else flushOpen();
    }
    const rest = text.slice(from);
    const notes = findOwnerNotes(rest, registry).map((n) => ({ ...n, start: n.start + from, end: n.end + from }));
    const closed = notes.filter((n) => n.closed);
    const open = notes.find((n) => !n.closed);

    // A note standing alone (its own paragraph after the task's last sentence) belongs to the unit before.
    const outside = closed.reduce((s, n) => s.replace(text.slice(n.start, n.end), ''), rest);
    if (closed.length && !open && /^[\s，,。；;、]*$/.test(outside) && last) {
      const tail = last.text.slice(last.consumed).replace(/^[\s，,。；;、：:）)]+/, '').trim();
      const pending = last.consumed === 0 ? stripLabel(last.node, tail) : tail;
      if (pending) {
        emit({
          node: last.node,
          text: pending,
          ...fromNotes(closed.map((n) => n.parsed)),
          form: 'note',
        });
        last.consumed = last.text.length;
        last.openAt = undefined;
      } else {
        messages.push(textMessage('warning', 'owners/orphan-note', `An owner note with no task text before it: ${rest.trim().slice(0, 80)}`, where(node)));
      }
      return;
    }

    const spans = splitAtNotes(text, [...closed, ...(open ? [open] : [])], from);
    spans.forEach((span, i) => {
      if (span.note !== open || !open) {
        let words = span.text;
        if (i === 0 && from === 0) words = stripLabel(node, words);
        if (words) emit({ node, text: words, ...fromNotes([span.note.parsed]), form: 'note' });
      }
    });
    const consumed = closed.length ? closed.at(-1)!.end : from;
    const openAt = open ? open.start : trailingOpen(text, consumed);
    last = { node, text, consumed, ...(openAt !== undefined ? { openAt } : {}), ...(open ? { openNote: open } : {}) };
  };

  const stripLabel = (node: PolicyNode, words: string): string => {
    const t = words.trimStart();
    return node.label && t.startsWith(node.label) ? t.slice(node.label.length).trimStart() : t;
  };

  const readSection = (name: string, duties: PolicyNode[]): void => {
    for (const duty of duties) {
      if (!WHOLE_TEXT_KINDS.has(duty.kind) && duty.children.length > 0 && duty.kind !== 'table' && !repeatsChildren(duty)) {
        // A sub-heading: its own words are a title (notes in them still count); its duties are below it.
        if (duty.text.trim()) readUnit(duty, duty.text);
        readSection(name, duty.children);
        continue;
      }
      const before = tasks.length;
      visit(duty);
      // Notes inside a duty are more precise than the heading; without any, the heading's department owns it.
      if (tasks.length === before && duty.text.trim()) {
        emit({ node: duty, text: stripLabel(duty, duty.text.trim()), owners: [{ asWritten: name, role: 'responsible' }], form: 'section' });
      }
    }
  };

  const readChildren = (node: PolicyNode): void => {
    const kids = node.children;
    const glued = kids.map((k) => gluedSectionDepartment(k, registry));
    const gluedCount = glued.filter(Boolean).length;
    // Owners handed down inside this container hold for its later children only.
    const scope = handedDown.length;
    for (let i = 0; i < kids.length; i++) {
      const kid = kids[i]!;
      const statement = kid.kind === 'block' && !kid.label ? readHandDown(kid.text, registry) : undefined;
      if (statement) {
        handedDown.push({ owners: statement.owners.map((o) => ({ ...o, inherited: true })), toNoteless: false });
        const left = statement.left.filter((r) => !GENERIC_WORDS.test(r));
        if (left.length) {
          messages.push(textMessage('warning', 'owners/partial-note', `Hand-down statement before ${kids[i + 1]?.citation ?? kid.citation} read in part; left unread: ${left.join('、')}`, where(kid)));
        }
        continue;
      }
      visitCarrying(kid, kids[i + 1], () => visitKid(kid, i, kids, glued, gluedCount));
      if (lastHandsDown) handedDown.push({ owners: lastHandsDown, toNoteless: true });
      lastHandsDown = undefined;
      i = skipTo ?? i;
      skipTo = undefined;
    }
    handedDown.length = scope;
  };

  /** Visits a child; a numbered task without a note of its own takes the owners handed down to it. */
  const visitCarrying = (kid: PolicyNode, next: PolicyNode | undefined, read: () => void): void => {
    const before = tasks.length;
    read();
    // A numbered paragraph the parser left a block (a run numbered on from the section before: 3﹒ under 二、) is a task all the same.
    const numbered = kid.label ? undefined : kid.kind === 'block' ? matchNumbering(kid.text.trim()) : undefined;
    if (tasks.length > before || !handedDown.length || !(kid.label || numbered) || !kid.text.trim()) return;
    // Its note may stand in the next paragraph: that paragraph then gives the task (with what is handed down).
    if (next && !next.label && isNoteOnly(next.text, registry)) return;
    if (numbered) {
      emit({ node: kid, text: numbered.rest, owners: [], form: 'note' });
    } else if (kid.kind === 'task' || kid.kind === 'item' || (kid.kind === 'heading' && kid.children.length === 0)) {
      emit({ node: kid, text: stripLabel(kid, kid.text.trim()), owners: [], form: 'note' });
    }
  };

  /** Where readChildren's loop resumes after a child that took its sibling paragraphs as duties. */
  let skipTo: number | undefined;

  const visitKid = (kid: PolicyNode, i: number, kids: PolicyNode[], glued: ReturnType<typeof gluedSectionDepartment>[], gluedCount: number): void => {
    const dept = sectionDepartment(kid, registry);
    if (dept) {
      if (kid.children.length) {
        readSection(dept, kid.children);
        return;
      }
      // Duties may follow as unnumbered sibling paragraphs instead of children.
      const duties: PolicyNode[] = [];
      for (let j = i + 1; j < kids.length && kids[j]!.kind === 'block' && !kids[j]!.label; j++) duties.push(kids[j]!);
      if (duties.length) {
        readSection(dept, duties);
        skipTo = i + duties.length;
        return;
      }
    }
    const g = glued[i];
    if (g && gluedCount >= 2 && !findOwnerNotes(kid.text, registry).length) {
      emit({ node: kid, text: g.rest, owners: [{ asWritten: g.name, role: 'responsible' }], form: 'section' });
      return;
    }
    visit(kid);
  };

  const visit = (node: PolicyNode): void => {
    if (node.kind === 'table') {
      const drafts = readTaskTable(node, registry);
      if (drafts) {
        for (const d of drafts) {
          emit({
            node: d.row,
            alsoOn: d.continuations,
            ...(d.title ? { title: d.title } : {}),
            text: d.text,
            owners: d.owners,
            rejected: d.rejected,
            leaders: d.leaders,
            form: 'table',
            years: d.years,
            deadlines: d.deadlines,
          });
        }
        flushOpen();
        last = undefined;
        return;
      }
    }
    const repeats = repeatsChildren(node);
    if (node.kind !== 'document' && (WHOLE_TEXT_KINDS.has(node.kind) || repeats)) {
      if (node.text.trim()) readUnit(node, node.text);
      return;
    }
    if (node.text.trim() && !repeats) readUnit(node, node.text);
    readChildren(node);
  };

  visit(doc.root);
  flushOpen();
  for (const [name, u] of unknown) {
    messages.push(
      textMessage('warning', 'owners/unknown-department', `Department not in the registry, kept as written (${u.count}x in ${doc.id}): ${name}`, where(u.node), {
        department: name,
        count: u.count,
        docId: doc.id,
      }),
    );
  }
}

/**
 * The responsibilities enricher. Finds every task and its owners in the
 * documents — owner notes closing a task (（责任单位：…）, （A负责，B配合）,
 * （牵头单位：…，责任单位：…）), rows of task tables (任务名称 | 责任部门 | 2024年…)
 * and sections headed by a department — resolves names through the registry,
 * and sets `data.owners`, `data.taskIds` and `data.years` on each clause that
 * carries tasks (the tree is not reshaped). Pure apart from that annotation.
 * Problems (unknown departments, fragments that are not bodies, notes without a
 * task) become messages.
 */
export function extractResponsibilities(
  documents: PolicyDocument[],
  registry: DepartmentRegistry,
): { tasks: Task[]; messages: TextMessage[] } {
  const tasks: Task[] = [];
  const messages: TextMessage[] = [];
  for (const doc of documents) extractFromDocument(doc, registry, tasks, messages);
  return { tasks, messages };
}

