/**
 * The one way pages write HTML: a tagged template whose interpolations are
 * escaped unless they are already `Html` (the output of another `html`
 * template, or `trusted()` markup the code itself built). A page cannot print
 * user input raw by forgetting to escape it; it has to say `trusted(...)`.
 */

/** Markup that is safe to insert as it is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What a template may interpolate: text (escaped), markup, lists of either; null, undefined and false print nothing. */
export type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const UNSAFE = /[&<>"']/;
const UNSAFE_ALL = /[&<>"']/g;

/** Text as HTML: safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  // Most text (Chinese prose) has nothing to escape: a test is cheaper than a replace.
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, (c) => ESCAPES[c]!) : text;
}

function write(v: Interpolation): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) {
    let out = '';
    for (const x of v as readonly Interpolation[]) out += write(x);
    return out;
  }
  return escapeHtml(String(v));
}

/** The template tag: `html\`<a href="${url}">${title}</a>\`` escapes url and title. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += write(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Markup the code built itself and vouches for (never user input). */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/** Items joined by a separator (both escaped unless Html). */
export function join(items: readonly Interpolation[], separator: Interpolation): Html {
  const parts: Interpolation[] = [];
  items.forEach((x, i) => {
    if (i) parts.push(separator);
    parts.push(x);
  });
  return html`${parts}`;
}
