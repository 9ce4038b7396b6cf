/**
 * The API's own links, in one place: every answer that points at a clause, a
 * document or a department builds the link here, so a route and the links to
 * it change together.
 */

/** A clause: GET /v1/clauses/:id. */
export function clauseUrl(id: string): string {
  return `/v1/clauses/${id}`;
}

/** A document with its outline: GET /v1/documents/:id. */
export function documentUrl(id: string): string {
  return `/v1/documents/${id}`;
}

/** A department's task list, under its canonical name: GET /v1/departments/:name/tasks. */
export function departmentUrl(name: string): string {
  return `/v1/departments/${encodeURIComponent(name)}/tasks`;
}
