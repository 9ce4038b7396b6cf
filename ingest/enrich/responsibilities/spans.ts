import type { OwnerNote } from './notes.js';

/** The text one owner note applies to. */
export interface TaskSpan {
  /** Offsets of the span's words (note excluded) in the text. */
  start: number;
  end: number;
  text: string;
  note: OwnerNote;
}

const LEADING_JUNK = /^[\s，,。；;、：:）)]+/;

/**
 * Splits a text at its owner notes: each note applies to the sentences since the
 * previous note (or since `from`, the start of the item), so an item holding
 * three notes yields three spans. Spans keep their offsets; text is trimmed of
 * whitespace and of punctuation left over from the previous note.
 */
export function splitAtNotes(text: string, notes: OwnerNote[], from = 0): TaskSpan[] {
  const spans: TaskSpan[] = [];
  let prev = from;
  for (const note of notes) {
    if (note.start < prev) continue;
    const raw = text.slice(prev, note.start);
    const lead = raw.length - raw.replace(LEADING_JUNK, '').length;
    const body = raw.slice(lead).trimEnd();
    spans.push({ start: prev + lead, end: prev + lead + body.length, text: body, note });
    prev = note.end;
  }
  return spans;
}
