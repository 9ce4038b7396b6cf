import { z } from 'zod';
import type { PolicyDocument } from '../model/document.js';
import { SourceSpan, walk } from '../model/tree.js';
import { Target } from '../model/target.js';
import type { IndicatorRegistry } from '../indicators/index.js';

/** The `targets` index: one per target, with what a chart point and its link need. */
export const TargetDoc = Target.extend({
  docTitle: z.string(),
  docKind: z.string(),
  /** The clause's citation: 《山东省…规划》三（一）1. */
  citation: z.string(),
  /** The clause's words in the source file (the target's span is inside its text). */
  source: SourceSpan.optional(),
  /** Document order, for stable listings. */
  order: z.number().int(),
});
export type TargetDoc = z.infer<typeof TargetDoc>;

/** One point of an indicator's series, as the `indicators` index stores it. */
export const SeriesPoint = TargetDoc.pick({
  id: true,
  docId: true,
  docTitle: true,
  clauseId: true,
  citation: true,
  asWritten: true,
  value: true,
  unit: true,
  year: true,
  qualifier: true,
  baseline: true,
  binding: true,
  form: true,
});
export type SeriesPoint = z.infer<typeof SeriesPoint>;

/** The `indicators` index: one per indicator group, with its whole series across documents and years. */
export const IndicatorDoc = z.object({
  id: z.string(),
  name: z.string(),
  /** Every name it is written by (registry aliases and the words of the documents). */
  names: z.array(z.string()),
  namesSeg: z.string(),
  units: z.array(z.string()),
  years: z.array(z.number().int()),
  documents: z.number().int(),
  points: z.array(SeriesPoint),
  /** Most targets first, then by name. */
  order: z.number().int(),
});
export type IndicatorDoc = z.infer<typeof IndicatorDoc>;

/** Target index documents for one document's targets. */
export function toTargetDocs(doc: PolicyDocument, targets: readonly Target[], startOrder: number): TargetDoc[] {
  const nodes = new Map([...walk(doc.root)].map(([n]) => [n.id, n]));
  return targets.map((t, i) => {
    const node = nodes.get(t.clauseId);
    return {
      ...t,
      docTitle: doc.title,
      docKind: doc.kind,
      citation: node?.citation ?? doc.title,
      ...(node?.data?.source ? { source: node.data.source } : {}),
      order: startOrder + i,
    };
  });
}

/** The indicator groups of every target, each with its series sorted by year then document. */
export function toIndicatorDocs(points: readonly SeriesPoint[], indicatorOf: (p: SeriesPoint) => { id: string; name: string }, registry: IndicatorRegistry, seg: (text: string) => string): IndicatorDoc[] {
  const groups = new Map<string, { name: string; points: SeriesPoint[] }>();
  for (const p of points) {
    const { id, name } = indicatorOf(p);
    const g = groups.get(id) ?? { name, points: [] };
    g.points.push(p);
    groups.set(id, g);
  }
  const docs = [...groups.entries()].map(([id, g]) => {
    const names = [...new Set([g.name, ...registry.names(id), ...g.points.map((p) => p.asWritten)])];
    const sorted = [...g.points].sort((a, b) => a.year - b.year || a.docId.localeCompare(b.docId));
    return {
      id,
      name: g.name,
      names,
      namesSeg: seg(names.join(' ')),
      units: [...new Set(sorted.map((p) => p.unit))],
      years: [...new Set(sorted.map((p) => p.year))],
      documents: new Set(sorted.map((p) => p.docId)).size,
      points: sorted,
      order: 0,
    };
  });
  docs.sort((a, b) => b.points.length - a.points.length || a.name.localeCompare(b.name));
  docs.forEach((d, i) => (d.order = i));
  return docs;
}
