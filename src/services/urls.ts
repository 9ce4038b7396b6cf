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

/*
 * The web app's pages for the same things. Answers carry these as `page`
 * beside `url`, so a client can link a person to the page and a program to
 * the JSON with the same id.
 */

/** A clause's permalink page: /clauses/:id. */
export function clausePage(id: string): string {
  return `/clauses/${id}`;
}

/** A document's page, its outline beside the text: /documents/:id. */
export function documentPage(id: string): string {
  return `/documents/${id}`;
}

/** A department's page, under any of its names: /departments/:name. */
export function departmentPage(name: string): string {
  return `/departments/${encodeURIComponent(name)}`;
}
