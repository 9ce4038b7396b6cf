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

/** `field <op> number`, for the date numbers (YYYYMMDD). */
export function compare(field: string, op: '<' | '<=' | '>' | '>=', value: number): string {
  if (!FIELD.test(field)) throw new TypeError(`not a filterable field name: ${field}`);
  if (!Number.isInteger(value)) throw new TypeError('compared value must be an integer');
  return `${field} ${op} ${value}`;
}

/**
 * The documents (or clauses) with effect status `status` on day `asOf`
 * (YYYYMMDD), as date comparisons — the same order of checks as statusAt in
 * core/model/dates.ts: repealed, not yet in force, period over, amended
 * since, in force, else unknown. A field the text did not give is absent, and
 * an absent field never satisfies a comparison, so NOT of it holds.
 */
export function statusFilter(status: string, asOf: number): string {
  const steps = [
    compare('repealedOn', '<=', asOf), // 已废止
    compare('inForceOn', '>', asOf), // 尚未施行
    compare('periodEnd', '<', asOf), // 规划期满
    compare('supersededOn', '<=', asOf), // 已修改
    compare('inForceOn', '<=', asOf), // 现行有效
  ];
  const order = ['已废止', '尚未施行', '规划期满', '已修改', '现行有效'];
  const at = order.indexOf(status);
  const earlier = (at < 0 ? steps : steps.slice(0, at)).map((s) => `NOT (${s})`);
  return at < 0 ? earlier.join(' AND ') : [...earlier, steps[at]!].join(' AND ');
}
