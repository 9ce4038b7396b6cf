import { beforeAll, describe, expect, it } from 'vitest';
import { loadRealCorpus } from '../helpers/corpus.js';
import { walk, type PolicyNode } from '../../core/model/tree.js';
import type { BuiltCorpus } from '../../ingest/pipeline.js';

/**
 * Whole-corpus checks of structure fidelity: a parser change that moves a count
 * shows up in review (the snapshot), and no node or heading carries
 * page-break damage.
 */
let corpus: BuiltCorpus;
beforeAll(async () => {
  corpus = await loadRealCorpus();
});

function countsOf(root: PolicyNode): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [n] of walk(root)) if (n.kind !== 'document') counts[n.kind] = (counts[n.kind] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

describe('the ingested corpus', () => {
  it('matches the committed snapshot of documents and nodes by kind', async () => {
    const snapshot = corpus.documents.map((d) => ({
      id: d.id,
      title: d.title,
      kind: d.kind,
      ...(d.version ? { version: d.version } : {}),
      sources: d.sources.map((s) => s.path),
      counts: countsOf(d.root),
    }));
    await expect(JSON.stringify(snapshot, null, 2) + '\n').toMatchFileSnapshot('./__snapshots__/corpus-counts.json');
  });

  it('lists each logical document once', () => {
    const titles = corpus.documents.map((d) => `${d.title}${d.version ?? ''}`);
    expect(new Set(titles).size).toBe(titles.length);
    const ids = corpus.documents.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every node a unique id, a citation and offsets inside its document', () => {
    const seen = new Set<string>();
    for (const doc of corpus.documents) {
      for (const [n] of walk(doc.root)) {
        expect(seen.has(n.id), n.id).toBe(false);
        seen.add(n.id);
        expect(n.id).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(n.citation.length).toBeGreaterThan(2);
        expect(n.position.start.offset).toBeLessThanOrEqual(n.position.end.offset);
        expect(n.position.end.offset).toBeLessThanOrEqual(doc.text.length);
      }
    }
  });

  // A sentence never starts with these; a leading one means the line was cut off its sentence.
  const BAD_START = /^[，、。；：！？）》”」,.;:]/u;
  // Units of text end a sentence (or a closing bracket/quote, as a responsibility note does).
  const GOOD_END = /[。；！？：…）)”」》.!?;:]$/u;
  // Excerpts end with their attribution line (——2014年2月27日在…的讲话), which is whole by construction.
  const UNIT_KINDS = new Set(['article', 'paragraph', 'item', 'subitem', 'task']);

  it('has no node text that starts or ends mid-sentence because of a page break', () => {
    const bad: string[] = [];
    for (const doc of corpus.documents) {
      for (const [n] of walk(doc.root)) {
        const text = n.text.trim();
        if (!text) continue;
        if (BAD_START.test(text)) bad.push(`${n.citation} starts: ${text.slice(0, 30)}`);
        if (UNIT_KINDS.has(n.kind) && text.length > 30 && !GOOD_END.test(text)) {
          bad.push(`${n.citation} ends: …${text.slice(-30)}`);
        }
        // A page break inside a sentence leaves a line break in the middle of the text.
        if (UNIT_KINDS.has(n.kind) && /[^。；！？：）”\s]\n[^\s]/u.test(text)) {
          bad.push(`${n.citation} broken inside: ${text.slice(0, 40)}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('has no title or heading with page-break debris', () => {
    const DEBRIS = /(^|\s)[-—–]?\s*\d{1,3}\s*[-—–]?$|\.{3,}|…{2,}|\t|\n|^\d{1,3}$|第\s*\d+\s*页/u;
    const bad: string[] = [];
    for (const doc of corpus.documents) {
      if (DEBRIS.test(doc.title)) bad.push(`title: ${doc.title}`);
      for (const [n] of walk(doc.root)) {
        if (n.heading && DEBRIS.test(n.heading)) bad.push(`${n.citation}: ${n.heading}`);
        if (n.heading && n.heading.length > 80) bad.push(`${n.citation}: heading too long (${n.heading.length})`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('keeps every node tree JSON-serializable', () => {
    for (const doc of corpus.documents) expect(JSON.parse(JSON.stringify(doc.root))).toEqual(doc.root);
  });
});

describe('stable identifiers', () => {
  it('gives the same ids when the same corpus is ingested again, and keeps them when a file is added', async () => {
    const { readRealCorpus } = await import('../helpers/corpus.js');
    const { buildCorpus } = await import('../../ingest/pipeline.js');
    const { loadDepartmentRegistry } = await import('../../core/departments/index.js');
    const registry = await loadDepartmentRegistry();
    const files = await readRealCorpus();
    const idsOf = (docs: BuiltCorpus['documents']) =>
      new Map(docs.flatMap((d) => [...walk(d.root)].map(([n]) => [n.id, n.citation] as const)));
    const again = idsOf(buildCorpus(files, { registry }).documents);
    const first = idsOf(buildCorpus(files, { registry }).documents);
    expect([...again]).toEqual([...first]);
    // Only the small stand-alone files: their ids must be the ones the full corpus gives them.
    const small = files.filter((f) => f.text.length < 20_000);
    const subset = idsOf(buildCorpus(small, { registry }).documents);
    expect(subset.size).toBeGreaterThan(50);
    for (const [id] of subset) expect(first.has(id), id).toBe(true);
  });
});
