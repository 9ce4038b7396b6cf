/**
 * The walk over a document's tree: sections headed by a department (their duties), containers and their children
 * (hand-down statements, numbered tasks that take what is handed down), task tables, and units whose notes
 * units.ts reads.
 */
import type { PolicyNode } from '../../../core/model/tree.js';
import { textMessage } from '../../../core/model/messages.js';
import type { DepartmentRegistry } from '../../../core/departments/index.js';
import { matchNumbering } from '../../../core/patterns/numbering.js';
import { readHandDown } from './hand-down.js';
import { findOwnerNotes } from './notes.js';
import { emit, GENERIC_WORDS, stripLabel, type Reading } from './reading.js';
import { gluedSectionDepartment, sectionDepartment } from './sections.js';
import { readTaskTable } from './tables.js';
import { flushOpen, readUnit } from './units.js';

/**
 * Kinds whose text is read whole: units (their text includes their children's)
 * and leaves. Owner notes inside them are not looked for again in children.
 */
const WHOLE_TEXT_KINDS = new Set(['article', 'task', 'row', 'excerpt', 'entry', 'block', 'paragraph', 'item', 'subitem']);

/** A paragraph that is nothing but owner notes (a note standing apart from its task). */
function isNoteOnly(text: string, registry: DepartmentRegistry): boolean {
  const notes = findOwnerNotes(text, registry);
  return notes.length > 0 && /^[\s，,。；;、]*$/.test(notes.reduce((s, n) => s.replace(text.slice(n.start, n.end), ''), text));
}

/** A node whose text already holds its children's (a unit), whatever its kind. */
function repeatsChildren(node: PolicyNode): boolean {
  return node.children.some((c) => c.text.trim() && node.text.includes(c.text.trim()));
}

/** The duties under a section headed by a department: notes inside a duty win; without any, the department owns it. */
export function readSection(r: Reading, name: string, duties: PolicyNode[]): void {
  for (const duty of duties) {
    if (!WHOLE_TEXT_KINDS.has(duty.kind) && duty.children.length > 0 && duty.kind !== 'table' && !repeatsChildren(duty)) {
      // A sub-heading: its own words are a title (notes in them still count); its duties are below it.
      if (duty.text.trim()) readUnit(r, duty, duty.text);
      readSection(r, name, duty.children);
      continue;
    }
    const before = r.tasks.length;
    visit(r, duty);
    // Notes inside a duty are more precise than the heading; without any, the heading's department owns it.
    if (r.tasks.length === before && duty.text.trim()) {
      emit(r, { node: duty, text: stripLabel(duty, duty.text.trim()), owners: [{ asWritten: name, role: 'responsible' }], form: 'section' });
    }
  }
}

/** A container's children in order, with the owners handed down inside it (for its later children only). */
function readChildren(r: Reading, node: PolicyNode): void {
  const kids = node.children;
  const glued = kids.map((k) => gluedSectionDepartment(k, r.registry));
  const gluedCount = glued.filter(Boolean).length;
  // Owners handed down inside this container hold for its later children only.
  const scope = r.handedDown.length;
  // A heading may state the hand-down itself, after its title: （三）筑牢…屏障。以下政策措施均需…配合落实，不再单独列出。
  if (kids.length) handDownInHeading(r, node);
  for (let i = 0; i < kids.length; i++) {
    const kid = kids[i]!;
    const statement = kid.kind === 'block' && !kid.label ? readHandDown(kid.text, r.registry) : undefined;
    if (statement) {
      r.handedDown.push({ owners: statement.owners.map((o) => ({ ...o, inherited: true })), toNoteless: false });
      const left = statement.left.filter((fragment) => !GENERIC_WORDS.test(fragment));
      if (left.length) {
        r.messages.push(textMessage('warning', 'owners/partial-note', `Hand-down statement before ${kids[i + 1]?.citation ?? kid.citation} read in part; left unread: ${left.join('、')}`, r.where(kid)));
      }
      continue;
    }
    visitCarrying(r, kid, kids[i + 1], () => visitKid(r, kid, i, kids, glued, gluedCount));
    if (r.lastHandsDown) r.handedDown.push({ owners: r.lastHandsDown, toNoteless: true });
    r.lastHandsDown = undefined;
    i = r.skipTo ?? i;
    r.skipTo = undefined;
  }
  r.handedDown.length = scope;
}

/**
 * The hand-down statements of a container's own text, for all its children: a sentence after its title, or a bracket
 * after it (（一）加强示例建设（以下任务均需各市人民政府落实，不再列出）).
 */
function handDownInHeading(r: Reading, node: PolicyNode): void {
  const sentences = node.text.split(/(?<=。)/).slice(1);
  const brackets = [...node.text.matchAll(/[（(〔【［[]([^（(〔【［[）)〕】］\]]{4,120})[）)〕】］\]]/g)].map((m) => m[1]!);
  for (const sentence of [...sentences, ...brackets]) {
    const statement = readHandDown(sentence, r.registry);
    if (statement) r.handedDown.push({ owners: statement.owners.map((o) => ({ ...o, inherited: true })), toNoteless: false });
  }
}

/** Visits a child; a numbered task without a note of its own takes the owners handed down to it. */
function visitCarrying(r: Reading, kid: PolicyNode, next: PolicyNode | undefined, read: () => void): void {
  const before = r.tasks.length;
  read();
  // A numbered paragraph the parser left a block (a run numbered on from the section before: 3﹒ under 二、) is a task all the same.
  const numbered = kid.label ? undefined : kid.kind === 'block' ? matchNumbering(kid.text.trim()) : undefined;
  if (r.tasks.length > before || !r.handedDown.length || !(kid.label || numbered) || !kid.text.trim()) return;
  // Its note may stand in the next paragraph: that paragraph then gives the task (with what is handed down).
  if (next && !next.label && isNoteOnly(next.text, r.registry)) return;
  if (numbered) {
    emit(r, { node: kid, text: numbered.rest, owners: [], form: 'note' });
  } else if (kid.kind === 'task' || kid.kind === 'item' || (kid.kind === 'heading' && kid.children.length === 0)) {
    emit(r, { node: kid, text: stripLabel(kid, kid.text.trim()), owners: [], form: 'note' });
  }
}

/** A child: a section headed by a department (its duties below it or after it), a glued department line, or a node to visit. */
function visitKid(r: Reading, kid: PolicyNode, i: number, kids: PolicyNode[], glued: ReturnType<typeof gluedSectionDepartment>[], gluedCount: number): void {
  const dept = sectionDepartment(kid, r.registry);
  if (dept) {
    if (kid.children.length) {
      readSection(r, dept, kid.children);
      return;
    }
    // Duties may follow as unnumbered sibling paragraphs instead of children.
    const duties: PolicyNode[] = [];
    for (let j = i + 1; j < kids.length && kids[j]!.kind === 'block' && !kids[j]!.label; j++) duties.push(kids[j]!);
    if (duties.length) {
      readSection(r, dept, duties);
      r.skipTo = i + duties.length;
      return;
    }
  }
  const g = glued[i];
  if (g && gluedCount >= 2 && !findOwnerNotes(kid.text, r.registry).length) {
    emit(r, { node: kid, text: g.rest, owners: [{ asWritten: g.name, role: 'responsible' }], form: 'section' });
    return;
  }
  visit(r, kid);
}

/** One node: a task table, a unit read whole, or a container (its own lead text, then its children). */
export function visit(r: Reading, node: PolicyNode): void {
  if (node.kind === 'table') {
    const drafts = readTaskTable(node, r.registry);
    if (drafts) {
      for (const d of drafts) {
        emit(r, {
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
      flushOpen(r);
      r.last = undefined;
      return;
    }
  }
  const repeats = repeatsChildren(node);
  if (node.kind !== 'document' && (WHOLE_TEXT_KINDS.has(node.kind) || repeats)) {
    if (!node.text.trim()) return;
    // A unit holding its sub-items may state a hand-down after its title: it holds for the notes read in it.
    const scope = r.handedDown.length;
    if (node.children.length) handDownInHeading(r, node);
    readUnit(r, node, node.text);
    r.handedDown.length = scope;
    return;
  }
  if (node.text.trim() && !repeats) readUnit(r, node, node.text);
  readChildren(r, node);
}
