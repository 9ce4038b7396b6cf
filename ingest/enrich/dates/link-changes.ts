import type { DocumentDates, RepealedBy } from '../../../core/model/dates.js';
import { looseTitleKey } from '../../../core/ids/document-id.js';
import type { OtherDocumentChange } from './extract-dates.js';

/** What later documents of the corpus say about a document, by its loose title key. */
export interface ChangesByTitle {
  repealedBy: Map<string, RepealedBy>;
  amendedBy: Map<string, RepealedBy>;
}

export interface ChangingDocument {
  id: string;
  title: string;
  /** The day its changes take effect: its own effective date, else its publication. */
  date?: string;
  changes: OtherDocumentChange[];
}

/**
 * Collects, corpus-wide, the repeals and amendments documents state about
 * others (同时废止《X》, 关于修改《X》的决定), keyed by the loose title of the
 * document changed. The earliest change of each kind wins.
 */
export function collectChanges(docs: readonly ChangingDocument[]): ChangesByTitle {
  const out: ChangesByTitle = { repealedBy: new Map(), amendedBy: new Map() };
  for (const doc of docs) {
    for (const change of doc.changes) {
      const map = change.kind === 'repeal' ? out.repealedBy : out.amendedBy;
      const key = looseTitleKey(change.title);
      const prev = map.get(key);
      if (prev && prev.date && doc.date && prev.date <= doc.date) continue;
      map.set(key, { docId: doc.id, title: doc.title, ...(doc.date ? { date: doc.date } : {}), evidence: { ...change.evidence, from: 'document', docId: doc.id } });
    }
  }
  return out;
}

/** The document's dates with what later documents say about it (never its own statements about itself). */
export function withChanges(docId: string, title: string, dates: DocumentDates, changes: ChangesByTitle | undefined): DocumentDates {
  if (!changes) return dates;
  const key = looseTitleKey(title);
  const repealed = changes.repealedBy.get(key);
  const amended = changes.amendedBy.get(key);
  return {
    ...dates,
    ...(repealed && repealed.docId !== docId && !dates.repealedBy ? { repealedBy: repealed } : {}),
    ...(amended && amended.docId !== docId && !dates.amendedBy ? { amendedBy: amended } : {}),
  };
}

/** The day a changing document's changes apply: effective date, else publication or adoption. */
export function changeDate(dates: DocumentDates): string | undefined {
  return (dates.effectiveFrom ?? dates.published ?? dates.adopted)?.date;
}
