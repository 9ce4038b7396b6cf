import type { PolicyDocument } from '../../../core/model/document.js';
import { walk, type PolicyNode } from '../../../core/model/tree.js';
import type { IndicatorRegistry } from '../../../core/indicators/index.js';
import { extractSentenceTargets } from './sentences.js';
import { extractRowTargets } from './tables.js';
import type { Target } from '../../../core/model/target.js';
import { targetId } from '../../../core/ids/ids.js';

/** Kinds whose text holds their children's (see to-index UNIT_KINDS): scanned whole, their descendants not again. */
const UNITS = new Set(['article', 'task', 'row', 'excerpt', 'entry']);

/**
 * Every quantitative target a document sets, from sentences and indicator
 * tables, each on the clause that states it (also added to the node as
 * `data.targets`). Pure: the registry groups indicator names.
 */
export function extractTargets(doc: PolicyDocument, registry: IndicatorRegistry): Target[] {
  const out: Target[] = [];
  const published = doc.dates?.published?.date ?? doc.date;
  const ownYear = doc.dates?.period?.from ?? (published ? Number(published.slice(0, 4)) : undefined);
  for (const [node, ancestors] of walk(doc.root)) {
    if (node.kind === 'document' || ancestors.some((a) => UNITS.has(a.kind))) continue;
    const found: Array<Omit<Target, 'id' | 'docId' | 'clauseId' | 'indicatorId' | 'indicator'>> = [];
    const cells = node.data?.cells as Record<string, string> | undefined;
    if (node.kind === 'row' && cells) {
      for (const t of extractRowTargets(cells, ownYear)) {
        const cell = cells[t.column] ?? '';
        const at = Math.max(0, node.text.indexOf(cell));
        const { column: _c, ...rest } = t;
        found.push({ ...rest, form: 'table', text: node.text, span: { start: at, end: at + cell.length } });
      }
    } else {
      // History is not a target: deadlines before the year the document was issued are skipped.
      const minYear = published ? Number(published.slice(0, 4)) : undefined;
      for (const t of extractSentenceTargets(node.text, minYear)) {
        const { start, end, sentence, ...rest } = t;
        found.push({ ...rest, form: 'sentence', text: node.text.slice(sentence.start, sentence.end).trim(), span: { start, end } });
      }
    }
    found.forEach((t, i) => {
      const who = registry.identify(t.asWritten);
      out.push({ id: targetId(node.id, i + 1), docId: doc.id, clauseId: node.id, indicatorId: who.id, indicator: who.name, ...t });
    });
    if (found.length) addToNode(node, out.slice(out.length - found.length));
  }
  return out;
}

function addToNode(node: PolicyNode, targets: Target[]): void {
  node.data ??= {};
  node.data.targets = targets.map((t) => ({ id: t.id, indicatorId: t.indicatorId, indicator: t.indicator, value: t.value, unit: t.unit, year: t.year }));
}
