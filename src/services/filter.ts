/**
 * Builds Meilisearch filter expressions from user input. Values are always
 * quoted and escaped here, so user text can never change the expression's shape.
 */

/** Quote a value for a Meilisearch filter: wraps in double quotes, escapes `\` and `"`. */
export function quoteFilterValue(value: string | number | boolean): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('filter value must be finite');
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const FIELD = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/** `field = "value"`; field names come from code, never from users, and are checked. */
export function eq(field: string, value: string | number | boolean): string {
  if (!FIELD.test(field)) throw new TypeError(`not a filterable field name: ${field}`);
  return `${field} = ${quoteFilterValue(value)}`;
}

/** `field IN ["a", "b"]`. */
export function anyOf(field: string, values: Array<string | number>): string {
  if (!FIELD.test(field)) throw new TypeError(`not a filterable field name: ${field}`);
  return `${field} IN [${values.map(quoteFilterValue).join(', ')}]`;
}

/** Joins the present clauses with AND; undefined when there are none. */
export function and(...clauses: Array<string | undefined | false>): string | undefined {
  const present = clauses.filter((c): c is string => typeof c === 'string' && c.length > 0);
  return present.length ? present.map((c) => `(${c})`).join(' AND ') : undefined;
}
