/**
 * Reading the owner notes of one unit's text: each note closes the words before it (a task); a note standing alone
 * belongs to the unit before; a note a page break cut is finished by the next unit (r.last keeps where it opened).
 */
import { textMessage } from '../../../core/model/messages.js';
import type { PolicyNode } from '../../../core/model/tree.js';
import { NOTE_CLOSE, NOTE_OPEN } from '../../../core/patterns/numbering.js';
import { findOwnerNotes, isOwnerNote, parseOwnerNote, type OwnerNote } from './notes.js';
import { emit, fromNotes, stripLabel, type Reading } from './reading.js';
import { splitAtNotes } from './spans.js';

/** Longest tail of a unit that may be the start of a note cut by a page break. */
const MAX_OPEN_TAIL = 300;

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

/** Emits the task of a note the last unit ended inside, as far as it goes. */
export function flushOpen(r: Reading, inner?: string): boolean {
  if (!r.last || r.last.openAt === undefined) return false;
  const parsed = inner !== undefined ? parseOwnerNote(inner, r.registry) : r.last.openNote?.parsed;
  const done = !!parsed && isOwnerNote(parsed, true);
  if (parsed && done) {
    const note: OwnerNote = { start: r.last.openAt, end: r.last.text.length, inner: inner ?? '', closed: true, parsed };
    const span = splitAtNotes(r.last.text, [note], r.last.consumed)[0];
    const words = span && r.last.consumed === 0 ? stripLabel(r.last.node, span.text) : span?.text;
    if (words) emit(r, { node: r.last.node, text: words, ...fromNotes(r, [parsed]), form: 'note' });
    r.last.consumed = r.last.text.length;
  }
  r.last.openAt = undefined;
  r.last.openNote = undefined;
  return done;
}

/** Reads the owner notes of one unit's text (or a container's own lead text). */
export function readUnit(r: Reading, node: PolicyNode, text: string): void {
  let from = 0;
  // A note the previous unit opened and a page break cut: this unit starts with its end.
  if (r.last?.openAt !== undefined) {
    const close = leadingClose(text);
    if (close >= 0 && flushOpen(r, r.last.text.slice(r.last.openAt + 1) + text.slice(0, close))) from = close + 1;
    else flushOpen(r);
  }
  const rest = text.slice(from);
  const notes = findOwnerNotes(rest, r.registry).map((n) => ({ ...n, start: n.start + from, end: n.end + from }));
  const closed = notes.filter((n) => n.closed);
  const open = notes.find((n) => !n.closed);

  // A note standing alone (its own paragraph after the task's last sentence) belongs to the unit before.
  const outside = closed.reduce((s, n) => s.replace(text.slice(n.start, n.end), ''), rest);
  if (closed.length && !open && /^[\s，,。；;、]*$/.test(outside) && r.last) {
    const tail = r.last.text.slice(r.last.consumed).replace(/^[\s，,。；;、：:）)]+/, '').trim();
    const pending = r.last.consumed === 0 ? stripLabel(r.last.node, tail) : tail;
    if (pending) {
      emit(r, {
        node: r.last.node,
        text: pending,
        ...fromNotes(r, closed.map((n) => n.parsed)),
        form: 'note',
      });
      r.last.consumed = r.last.text.length;
      r.last.openAt = undefined;
    } else {
      r.messages.push(textMessage('warning', 'owners/orphan-note', `An owner note with no task text before it: ${rest.trim().slice(0, 80)}`, r.where(node)));
    }
    return;
  }

  const spans = splitAtNotes(text, [...closed, ...(open ? [open] : [])], from);
  spans.forEach((span, i) => {
    if (span.note !== open || !open) {
      let words = span.text;
      if (i === 0 && from === 0) words = stripLabel(node, words);
      if (words) emit(r, { node, text: words, ...fromNotes(r, [span.note.parsed]), form: 'note' });
    }
  });
  const consumed = closed.length ? closed.at(-1)!.end : from;
  const openAt = open ? open.start : trailingOpen(text, consumed);
  r.last = { node, text, consumed, ...(openAt !== undefined ? { openAt } : {}), ...(open ? { openNote: open } : {}) };
}
