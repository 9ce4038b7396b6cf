/**
 * Builds small clause trees for fixture tests, in the shape ingest/parse
 * produces (core/model/tree.ts): ids `${docId}--${eId}`, citations, rows with
 * `data.cells` and `data.continuation`. Deliberately tiny: one line of text →
 * one node; it is not the parser.
 */
import type { PolicyDocument } from '../../../core/model/document.js';
import type { NodeKind, PolicyNode } from '../../../core/model/tree.js';

export interface NodeSpec {
  kind: NodeKind;
  label?: string;
  heading?: string;
  text: string;
  cells?: Record<string, string>;
  continuation?: boolean;
  children?: NodeSpec[];
}

function build(spec: NodeSpec, docId: string, title: string, parentEId: string, index: number, parentCite: string): PolicyNode {
  const part = `${spec.kind === 'row' ? 'row' : spec.kind === 'table' ? 'table' : spec.kind === 'block' ? 'blk' : spec.kind}_${index + 1}`;
  const eId = parentEId ? `${parentEId}__${part}` : part;
  const citation = `${parentCite}${spec.label ? spec.label.replace(/[、.．]$/, '') : ''}`;
  const data: Record<string, unknown> = {};
  if (spec.cells) data.cells = spec.cells;
  if (spec.continuation) data.continuation = true;
  return {
    kind: spec.kind,
    id: `${docId}--${eId}`,
    eId,
    ...(spec.label ? { label: spec.label } : {}),
    ...(spec.heading ? { heading: spec.heading } : {}),
    text: spec.text,
    citation: citation || `《${title}》`,
    position: { start: { offset: 0 }, end: { offset: spec.text.length } },
    children: (spec.children ?? []).map((c, i) => build(c, docId, title, eId, i, citation || `《${title}》`)),
    ...(Object.keys(data).length ? { data } : {}),
  };
}

/** A document whose root holds the given nodes. */
export function makeDoc(title: string, children: NodeSpec[], opts: { id?: string; issuer?: string } = {}): PolicyDocument {
  const id = opts.id ?? 'doc-test';
  const root: PolicyNode = {
    kind: 'document',
    id,
    eId: '',
    text: '',
    citation: `《${title}》`,
    position: { start: { offset: 0 }, end: { offset: 0 } },
    children: children.map((c, i) => build(c, id, title, '', i, `《${title}》`)),
  };
  return {
    id,
    title,
    kind: 'plan',
    ...(opts.issuer ? { issuer: opts.issuer } : {}),
    sources: [{ path: 'fixture.txt', start: 0, end: 0, artifacts: 0, chosen: true }],
    attachments: [],
    text: '',
    root,
    messages: [],
  };
}

const NUMBERED = /^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+[.．、])\s*/;

/** A task item: 1.加快5G商用。…（责任单位：…）, heading = its title sentence. */
export function task(text: string): NodeSpec {
  const m = text.match(NUMBERED);
  const label = m?.[1];
  const body = m ? text.slice(m[0].length) : text;
  const title = body.match(/^([^。]{2,30})。(?=.)/)?.[1];
  return { kind: 'task', ...(label ? { label } : {}), ...(title ? { heading: title } : {}), text };
}

export function block(text: string): NodeSpec {
  return { kind: 'block', text };
}

export function heading(text: string, children: NodeSpec[] = []): NodeSpec {
  const m = text.match(NUMBERED);
  return { kind: 'heading', ...(m ? { label: m[1] } : {}), heading: m ? text.slice(m[0].length) : text, text, children };
}

/**
 * A table from tab-separated lines, like the parser: header lines first (a
 * second header line holding only year columns is merged into the first), then
 * rows; a row whose first cell is empty inherits it (`continuation`).
 */
export function table(lines: string[], headerLines = 1): NodeSpec {
  const heads = lines.slice(0, headerLines).map((l) => l.split('\t'));
  const width = Math.max(...lines.map((l) => l.split('\t').length));
  const keys = Array.from({ length: width }, (_, i) =>
    heads
      .map((h) => (h[i] ?? '').trim())
      .filter(Boolean)
      .join(' '),
  ).map((k, i) => k || `列${i + 1}`);
  let first = '';
  const headerSet = new Set(lines.slice(0, headerLines));
  const rows: NodeSpec[] = lines.slice(headerLines).map((line) => {
    const cells = line.split('\t');
    const continuation = !cells[0]?.trim();
    if (!continuation && !headerSet.has(line)) first = cells[0]!.trim();
    const map = Object.fromEntries(keys.map((k, i) => [k, (i === 0 && continuation ? first : (cells[i] ?? '')).trim()]));
    return { kind: 'row', text: cells.join(' ').trim(), cells: map, ...(continuation ? { continuation: true } : {}) };
  });
  return { kind: 'table', text: '', children: rows };
}

/** Every node of a tree, depth first. */
export function nodes(root: PolicyNode): PolicyNode[] {
  return [root, ...root.children.flatMap(nodes)];
}
