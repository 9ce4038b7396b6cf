/**
 * The properties of ids (core/ids): URL-safe, a pure function of their input
 * (so stable under re-ingest), unique — on generated inputs (a seeded
 * generator: every run checks the same few thousand cases, a failure can be
 * replayed) and on the real corpus built twice.
 */
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../ingest/pipeline.js';
import { loadManifest } from '../../ingest/run-ingest.js';
import { loadDepartmentRegistry } from '../../core/departments/index.js';
import { walk, type PolicyNode } from '../../core/model/tree.js';
import {
  SAFE_ID,
  changeId,
  childEId,
  clauseId,
  departmentId,
  documentId,
  eIdSegment,
  indicatorId,
  normalizeTitle,
  numberedDocumentId,
  referenceId,
  renameClauseId,
  repeatedEId,
  targetId,
  taskId,
} from '../../core/ids/index.js';
import { CORPUS_DIR, readRealCorpus } from '../helpers/corpus.js';

/** mulberry32: a small seeded generator. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const ALPHABET = [...'关于加快推进数字政府建设的指导意见山东省人民政府办公厅实施方案条例规划（）()《》“”〔〕-—_ 　2025年ABCxyz0123456789１２３？/#%&'];
function randomText(next: () => number, min = 1, max = 30): string {
  const n = min + Math.floor(next() * (max - min + 1));
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return s;
}
const urlSafe = (id: string) => SAFE_ID.test(id) && encodeURIComponent(id) === id;

describe('ids on generated inputs', () => {
  const next = rng(20261203);
  const titles = Array.from({ length: 3000 }, () => randomText(next));

  it('are URL-safe whatever the title, name or label holds', () => {
    for (const t of titles) {
      const doc = documentId({ title: t });
      const eId = childEId(childEId(undefined, eIdSegment(`art_${t}`)), eIdSegment(t) || 'x');
      const clause = clauseId(doc, eId);
      for (const id of [doc, numberedDocumentId(doc, 2), clause, repeatedEId(eId, 3), taskId(clause, 2), referenceId(clause, 1), targetId(clause, 4), departmentId(t), indicatorId(t), changeId(7)]) {
        expect(urlSafe(id), `${id} (from ${t})`).toBe(true);
      }
    }
  });

  it('are a function of their input: the same title written differently (widths, spaces, 《》) gives the same document id', () => {
    for (const t of titles.slice(0, 300)) {
      expect(documentId({ title: t })).toBe(documentId({ title: t }));
      expect(documentId({ title: `《${t.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))} 》` })).toBe(documentId({ title: t }));
    }
  });

  it('are unique: distinct normalized titles, names and positions never share an id', () => {
    const byId = new Map<string, string>();
    for (const t of titles) {
      const key = normalizeTitle(t);
      const id = documentId({ title: t });
      if (byId.has(id)) expect(byId.get(id)).toBe(key);
      byId.set(id, key);
    }
    const names = [...new Set(titles)];
    expect(new Set(names.map(departmentId)).size).toBe(names.length);
    const doc = documentId({ title: titles[0]! });
    const ids = new Set<string>();
    for (let a = 1; a <= 30; a++) {
      const art = clauseId(doc, childEId(undefined, `art_${a}`));
      ids.add(art);
      for (let n = 1; n <= 5; n++) [taskId(art, n), referenceId(art, n), targetId(art, n)].forEach((id) => ids.add(id));
    }
    expect(ids.size).toBe(30 * 16);
    // A repeated segment never comes back to the base or to an earlier repeat.
    const repeats = Array.from({ length: 60 }, (_, k) => repeatedEId('art_1', k + 1));
    expect(new Set(['art_1', ...repeats]).size).toBe(61);
  });

  it('follow a renamed document: its clauses move, other documents keep theirs', () => {
    expect(renameClauseId('doc-aaa--art_1', 'doc-aaa', 'doc-bbb')).toBe('doc-bbb--art_1');
    expect(renameClauseId('doc-aaa', 'doc-aaa', 'doc-bbb')).toBe('doc-bbb');
    expect(renameClauseId('doc-aaab--art_1', 'doc-aaa', 'doc-bbb')).toBe('doc-aaab--art_1');
  });
});

describe('ids of the real corpus', () => {
  async function idsOfOneIngest() {
    const [files, manifest, registry] = await Promise.all([readRealCorpus(), loadManifest(CORPUS_DIR), loadDepartmentRegistry()]);
    const built = buildCorpus(files, { manifest, registry });
    const nodes: Array<{ doc: string; node: PolicyNode }> = [];
    for (const d of built.documents) for (const [node] of walk(d.root)) nodes.push({ doc: d.id, node });
    return {
      documents: built.documents.map((d) => d.id),
      clauses: nodes.map((n) => n.node.id),
      nodes,
      tasks: built.tasks.map((t) => ({ id: t.id, clauseId: t.clauseId })),
      references: built.references.map((r) => ({ id: r.id, clauseId: r.fromClauseId })),
      targets: built.targets.map((t) => t.id),
      catalogue: built.catalogue.map((c) => c.id),
    };
  }

  it('are the same when the corpus is ingested again, unique per kind, URL-safe and written in the grammar', async () => {
    const [a, b] = [await idsOfOneIngest(), await idsOfOneIngest()];
    const { nodes, ...comparable } = a;
    const { nodes: _, ...again } = b;
    expect(again).toEqual(comparable);
    expect(a.documents.length).toBeGreaterThan(10);
    expect(nodes.length).toBeGreaterThan(1000);
    for (const kind of ['documents', 'clauses', 'targets'] as const) expect(new Set(a[kind]).size, kind).toBe(a[kind].length);
    expect(new Set(a.tasks.map((t) => t.id)).size).toBe(a.tasks.length);
    expect(new Set(a.references.map((r) => r.id)).size).toBe(a.references.length);
    const all = [...a.documents, ...a.clauses, ...a.targets, ...a.catalogue, ...a.tasks.map((t) => t.id), ...a.references.map((r) => r.id)];
    expect(all.filter((id) => !urlSafe(id))).toEqual([]);
    for (const d of a.documents) expect(d).toMatch(/^doc-[0-9a-f]{12}(-\d+)?$/);
    for (const { doc, node } of nodes) expect(node.id).toBe(clauseId(doc, node.eId || undefined));
    for (const t of a.tasks) expect(t.id).toMatch(new RegExp(`^${t.clauseId}__t\\d+$`));
    for (const r of a.references) expect(r.id).toMatch(new RegExp(`^${r.clauseId}__ref\\d+$`));
    for (const t of a.targets) expect(t).toMatch(/--tgt_\d+$/);
  }, 120_000);
});
