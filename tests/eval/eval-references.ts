/**
 * Precision and recall of cross-document references against the hand-labelled
 * sample in tests/labels/references.json. Run: npx tsx tests/eval/eval-references.ts
 *
 * Each labelled passage is a stretch of one clause whose citations were all
 * listed by a person. Extraction is scored by matching the words as written;
 * a match is correct end to end when its status, target (document, catalogue
 * entry or cited title) and article/paragraph/item agree. Relations are scored
 * separately.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadRealCorpus } from '../helpers/corpus.js';
import { looseTitleKey } from '../../core/ids/document-id.js';
import { parseCitation, type Reference } from '../../core/references/index.js';
import { walk, type PolicyNode } from '../../core/model/tree.js';
import type { PolicyDocument } from '../../core/model/document.js';

const LabelRef = z.object({
  text: z.string(),
  target: z.string(),
  article: z.number().int().optional(),
  paragraph: z.number().int().optional(),
  item: z.number().int().optional(),
  status: z.enum(['resolved', 'catalogue', 'ambiguous', 'unresolved']),
  relation: z.enum(['basis', 'implements', 'mentions']),
});
const Labels = z.object({
  passages: z.array(z.object({ doc: z.string(), snippet: z.string().min(4), references: z.array(LabelRef) })),
});
type LabelRef = z.infer<typeof LabelRef>;

const LABELS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../labels/references.json');

/** Text compared without width, whitespace or title-mark variants; `at` maps back to original offsets. */
function squash(s: string): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!.normalize('NFKC').replace(/[«〈]/g, '《').replace(/[»〉]/g, '》');
    if (/^\s*$/u.test(c)) continue;
    for (const ch of c) {
      text += ch;
      at.push(i);
    }
  }
  return { text, at };
}
const same = (a: string, b: string) => squash(a).text === squash(b).text;
const sameTitle = (a: string | undefined, b: string) => !!a && (looseTitleKey(a) === looseTitleKey(b) || same(a, b));

/** The deepest node of a document whose text holds the snippet, with the snippet's range in that text. */
function locate(doc: PolicyDocument, snippet: string): { node: PolicyNode; start: number; end: number } | undefined {
  const want = squash(snippet).text;
  let best: { node: PolicyNode; start: number; end: number; depth: number } | undefined;
  for (const [node, ancestors] of walk(doc.root)) {
    const sq = squash(node.text);
    const i = sq.text.indexOf(want);
    if (i < 0) continue;
    if (!best || ancestors.length > best.depth) {
      best = { node, start: sq.at[i]!, end: sq.at[i + want.length - 1]! + 1, depth: ancestors.length };
    }
  }
  return best;
}

function titleOf(doc: PolicyDocument | undefined): string | undefined {
  return doc ? doc.title + (doc.version && !doc.title.endsWith(doc.version) ? doc.version : '') : undefined;
}

/** Whether an extracted reference agrees with a label on status, target and clause. */
function correct(ref: Reference, label: LabelRef, docs: Map<string, PolicyDocument>): string | undefined {
  if (ref.status !== label.status) return `status ${ref.status}, expected ${label.status}`;
  const target =
    ref.status === 'resolved' ? titleOf(docs.get(ref.toDocId ?? '')) : ref.status === 'catalogue' ? ref.toTitle : parseCitation(ref.normalized)?.title;
  if (!sameTitle(target, label.target)) return `target ${target}, expected ${label.target}`;
  const loc = parseCitation(ref.normalized)?.locator ?? {};
  for (const k of ['article', 'paragraph', 'item'] as const) {
    if (loc[k] !== label[k]) return `${k} ${loc[k]}, expected ${label[k]}`;
  }
  return undefined;
}

async function main() {
  const labels = Labels.parse(JSON.parse(readFileSync(LABELS, 'utf8')));
  const built = await loadRealCorpus();
  const docs = new Map(built.documents.map((d) => [d.id, d]));
  let labelled = 0;
  let extracted = 0;
  let found = 0;
  let right = 0;
  let relationRight = 0;
  const problems: string[] = [];

  for (const p of labels.passages) {
    labelled += p.references.length;
    const doc = built.documents.find((d) => sameTitle(titleOf(d), p.doc) || sameTitle(d.title, p.doc));
    const place = doc && locate(doc, p.snippet);
    if (!doc || !place) {
      problems.push(`NOT FOUND  ${p.doc} / ${p.snippet} (${p.references.length} refs count as missed)`);
      continue;
    }
    const refs = built.references.filter(
      (r) => r.fromClauseId === place.node.id && r.start >= place.start && r.end <= place.end,
    );
    extracted += refs.length;
    const unmatched = [...refs];
    for (const label of p.references) {
      const candidates = unmatched.filter((r) => same(r.text, label.text));
      const pick = candidates.find((r) => !correct(r, label, docs)) ?? candidates[0];
      if (!pick) {
        problems.push(`MISSED     ${p.doc}: ${label.text} → ${label.target}`);
        continue;
      }
      unmatched.splice(unmatched.indexOf(pick), 1);
      found++;
      const why = correct(pick, label, docs);
      if (why) problems.push(`WRONG      ${p.doc}: ${label.text} — ${why}`);
      else right++;
      if (pick.relation === label.relation) relationRight++;
      else problems.push(`RELATION   ${p.doc}: ${label.text} — ${pick.relation}, expected ${label.relation}`);
    }
    for (const r of unmatched) problems.push(`EXTRA      ${p.doc}: ${r.text} → ${r.normalized} (${r.status})`);
  }

  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
  console.log(`References: ${labels.passages.length} labelled passages from ${new Set(labels.passages.map((p) => p.doc)).size} documents, ${labelled} labelled references, ${extracted} extracted in those passages`);
  console.log(`Extraction   precision ${pct(found, extracted)} (${found}/${extracted})   recall ${pct(found, labelled)} (${found}/${labelled})`);
  console.log(`End to end   precision ${pct(right, extracted)} (${right}/${extracted})   recall ${pct(right, labelled)} (${right}/${labelled})   (status, target and clause all right)`);
  console.log(`Resolution accuracy of found references ${pct(right, found)}; relation accuracy ${pct(relationRight, found)}`);
  if (problems.length) console.log(`\n${problems.join('\n')}`);
}

await main();
