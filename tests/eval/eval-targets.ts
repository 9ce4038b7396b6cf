/**
 * Precision and recall of target extraction against the hand-labelled sample
 * in tests/labels/targets.json (judged 2026-12-03 by reading the texts).
 * Run: npx tsx tests/eval/eval-targets.ts  (add --verbose for every miss and extra)
 *
 * Each passage is the sentence (or table row) around its snippet; its labels
 * list every target in it. An extracted target in that stretch is correct when
 * a label has the same value, year and unit, and the same indicator (one name
 * contains the other once both are folded: widths, quotes, place words and
 * counting suffixes).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadRealCorpus } from '../helpers/corpus.js';
import { looseTitleKey } from '../../core/ids/document-id.js';
import { walk, type PolicyNode } from '../../core/model/tree.js';
import { extractTargets, type Target } from '../../ingest/enrich/targets/index.js';
import { foldIndicatorName, loadIndicatorRegistry } from '../../core/indicators/index.js';

const Label = z.object({
  indicator: z.string(),
  value: z.number(),
  unit: z.string(),
  year: z.number().int(),
  baseline: z.object({ value: z.number(), year: z.number().int() }).optional(),
  binding: z.boolean().optional(),
});
const Labels = z.object({
  judged: z.string(),
  passages: z.array(z.object({ doc: z.string(), where: z.string().optional(), snippet: z.string().min(2), targets: z.array(Label) })),
});
type Label = z.infer<typeof Label>;

const LABELS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../labels/targets.json');
const squash = (s: string) => s.normalize('NFKC').replace(/[\s“”"‘’'（）()《》〈〉\-—－–]/g, '');
const unitKey = (u: string) => u.normalize('NFKC').replace('％', '%');
const nameKey = (n: string) => squash(foldIndicatorName(n));

function sameTarget(t: Target, l: Label): boolean {
  if (t.value !== l.value || t.year !== l.year || unitKey(t.unit) !== unitKey(l.unit)) return false;
  const a = nameKey(t.asWritten);
  const b = nameKey(l.indicator);
  return a.length > 0 && b.length > 0 && (a.includes(b) || b.includes(a));
}

export interface TargetScores {
  labels: number;
  extracted: number;
  correct: number;
  precision: number;
  recall: number;
  /** Of the correct ones, how many also have the label's baseline and binding right. */
  attributesRight: number;
  documents: number;
  passages: number;
  misses: string[];
  extras: string[];
}

/** Scores the extractor on the labelled passages of the real corpus. */
export async function scoreTargets(): Promise<TargetScores> {
  const labels = Labels.parse(JSON.parse(readFileSync(LABELS, 'utf8')));
  const { documents } = await loadRealCorpus();
  const registry = loadIndicatorRegistry();
  const byTitle = new Map(documents.map((d) => [looseTitleKey(d.title), d]));
  const extractedByDoc = new Map<string, Target[]>();
  let labelled = 0, extracted = 0, correct = 0, attributesRight = 0;
  const misses: string[] = [];
  const extras: string[] = [];
  const docs = new Set<string>();
  for (const p of labels.passages) {
    const doc = byTitle.get(looseTitleKey(p.doc));
    if (!doc) throw new Error(`no corpus document titled ${p.doc}`);
    if (!extractedByDoc.has(doc.id)) extractedByDoc.set(doc.id, extractTargets(structuredClone(doc), registry));
    const want = squash(p.snippet);
    // The smallest node holding the snippet, and its ancestors (a sentence target sits on the unit).
    let found: { node: PolicyNode; chain: Set<string> } | undefined;
    for (const [node, ancestors] of walk(doc.root)) {
      if (node.kind === 'document' || !squash(node.text).includes(want)) continue;
      if (!found || node.text.length < found.node.text.length) found = { node, chain: new Set([node.id, ...ancestors.map((a) => a.id)]) };
    }
    if (!found) throw new Error(`snippet not found in ${p.doc}: ${p.snippet}`);
    if (p.targets.length) docs.add(doc.id);
    const inStretch = extractedByDoc.get(doc.id)!.filter((t) => found!.chain.has(t.clauseId) && squash(t.text).includes(want));
    labelled += p.targets.length;
    extracted += inStretch.length;
    const open = [...p.targets];
    for (const t of inStretch) {
      const i = open.findIndex((l) => sameTarget(t, l));
      if (i < 0) {
        extras.push(`${p.doc} ${p.where ?? ''}: extra ${t.asWritten}=${t.value}${t.unit}@${t.year}`);
        continue;
      }
      const [l] = open.splice(i, 1);
      correct++;
      const baselineOk = JSON.stringify(l!.baseline ?? null) === JSON.stringify(t.baseline ?? null);
      if (baselineOk && (l!.binding ?? null) === (t.binding ?? null)) attributesRight++;
    }
    for (const l of open) misses.push(`${p.doc} ${p.where ?? ''}: missed ${l.indicator}=${l.value}${l.unit}@${l.year}`);
  }
  return {
    labels: labelled,
    extracted,
    correct,
    precision: extracted ? correct / extracted : 1,
    recall: labelled ? correct / labelled : 1,
    attributesRight,
    documents: docs.size,
    passages: labels.passages.length,
    misses,
    extras,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const s = await scoreTargets();
  console.log(`targets: ${s.labels} labelled in ${s.passages} passages from ${s.documents} documents; ${s.extracted} extracted there`);
  console.log(`precision ${pct(s.precision)} (${s.correct}/${s.extracted})  recall ${pct(s.recall)} (${s.correct}/${s.labels})`);
  console.log(`baseline and 约束性/预期性 right on ${s.attributesRight}/${s.correct} correct targets`);
  if (process.argv.includes('--verbose') || s.misses.length + s.extras.length <= 20) for (const line of [...s.misses, ...s.extras]) console.log('  ' + line);
}
