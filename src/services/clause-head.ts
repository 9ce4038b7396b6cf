/**
 * The fields every answer about a clause opens with — a search hit, a clause
 * page's data — mapped from the clause index's document in one place, in one
 * order (the JSON's key order), optional fields left out rather than null.
 */
export interface ClauseHeadSource {
  id: string;
  docId: string;
  docTitle: string;
  kind: string;
  label?: string;
  heading?: string;
}

export function clauseHead<C extends ClauseHeadSource>(c: C): Pick<C, 'id' | 'docId' | 'docTitle' | 'kind'> & { label?: string; heading?: string } {
  return {
    id: c.id,
    docId: c.docId,
    docTitle: c.docTitle,
    kind: c.kind,
    ...(c.label ? { label: c.label } : {}),
    ...(c.heading ? { heading: c.heading } : {}),
  };
}
