import { beforeAll, describe, expect, it } from 'vitest';
import { loadRealCorpus } from '../helpers/corpus.js';
import type { BuiltCorpus } from '../../ingest/pipeline.js';
import { Reference } from '../../core/references/index.js';
import { walk } from '../../core/model/tree.js';
import type { PolicyDocument } from '../../core/model/document.js';

let built: BuiltCorpus;
beforeAll(async () => {
  built = await loadRealCorpus();
}, 240_000);

const doc = (title: string): PolicyDocument => {
  const d = built.documents.find((x) => x.title === title);
  if (!d) throw new Error(`no document titled ${title}`);
  return d;
};
const article = (d: PolicyDocument, label: string) => {
  for (const [n] of walk(d.root)) if (n.kind === 'article' && n.label === label) return n;
  throw new Error(`${d.title} has no ${label}`);
};

describe('references on the real corpus', () => {
  it('are valid, uniquely identified, and point at clauses that exist', () => {
    const ids = new Set<string>();
    const nodeIds = new Set(built.documents.flatMap((d) => [...walk(d.root)].map(([n]) => n.id)));
    for (const r of built.references) {
      Reference.parse(r);
      expect(ids.has(r.id)).toBe(false);
      ids.add(r.id);
      expect(nodeIds.has(r.fromClauseId)).toBe(true);
      if (r.toClauseId) expect(nodeIds.has(r.toClauseId)).toBe(true);
    }
    expect(built.references.length).toBeGreaterThan(120);
  });

  it('数据安全法 第三十一条 cites 中华人民共和国网络安全法', () => {
    const data = doc('中华人民共和国数据安全法');
    const net = doc('中华人民共和国网络安全法');
    const art31 = article(data, '第三十一条');
    const out = built.references.filter((r) => r.fromPath.includes(art31.id));
    expect(out.some((r) => r.toDocId === net.id && r.status === 'resolved')).toBe(true);
  });

  it('the regulations made under 数据安全法 are among its incoming references, as their basis', () => {
    const data = doc('中华人民共和国数据安全法');
    const incoming = built.references.filter((r) => r.toDocId === data.id && r.fromDocId !== data.id);
    const citing = new Set(incoming.filter((r) => r.relation === 'basis').map((r) => built.documents.find((d) => d.id === r.fromDocId)?.title));
    expect(citing).toContain('山东省大数据发展促进条例');
    expect(citing).toContain('山东省公共数据开放办法');
  });

  it('网络安全法 第六十四条 resolves to 第二十二条, 第四十一条 to 第四十三条 (range expanded) and 第四十四条', () => {
    const net = doc('中华人民共和国网络安全法');
    const art64 = article(net, '第六十四条');
    const out = built.references.filter((r) => r.fromPath.includes(art64.id));
    expect(out.every((r) => r.status === 'resolved' && r.toDocId === net.id)).toBe(true);
    const cited = new Set(out.map((r) => built.documents.flatMap((d) => [...walk(d.root)]).find(([n]) => n.id === r.toPath[0])?.[0].label));
    expect([...cited].sort()).toEqual(['第二十二条', '第四十一条', '第四十三条', '第四十二条', '第四十四条'].sort());
    const para3 = out.find((r) => r.text.includes('第二十二条第三款'));
    expect(para3?.toClauseId).toMatch(/para_3$/);
  });

  it('provincial plans’ references to national plans resolve to documents of the corpus', () => {
    const national = doc('数字中国建设整体布局规划');
    const plan = built.documents.find((d) => d.title === '山东省数字基础设施建设行动方案' && d.kind === 'plan')!;
    expect(built.references.some((r) => r.fromDocId === plan.id && r.toDocId === national.id && r.relation === 'implements')).toBe(true);
    const opinion = doc('关于加强数字政府建设的指导意见');
    const egov = doc('山东省数字政府建设实施方案');
    expect(built.references.some((r) => r.fromDocId === egov.id && r.toDocId === opinion.id)).toBe(true);
  });

  it('references to documents outside the corpus resolve to the catalogue where it lists them', () => {
    const inCatalogue = built.references.filter((r) => r.status === 'catalogue');
    expect(inCatalogue.length).toBeGreaterThan(0);
    for (const r of inCatalogue) {
      const entry = built.catalogue.find((e) => e.id === r.catalogueId);
      expect(entry).toBeDefined();
      expect(r.toDocId).toBeUndefined();
    }
    expect(inCatalogue.map((r) => r.toTitle)).toContain('“十四五”大数据产业发展规划');
  });

  it('does not read a table of contents or a catalogue as citations', () => {
    const listings = new Set(built.documents.filter((d) => d.kind === 'compilation' || d.kind === 'catalogue').map((d) => d.id));
    expect(built.references.filter((r) => listings.has(r.fromDocId))).toEqual([]);
  });

  it('never keeps a document citing itself as a whole', () => {
    expect(built.references.filter((r) => r.toDocId === r.fromDocId && !r.toClauseId && r.status === 'resolved')).toEqual([]);
  });

  it('gives the national laws their short forms as aliases', () => {
    expect(built.aliases.get(doc('中华人民共和国网络安全法').id)).toContain('网络安全法');
  });

  it('has a stable shape of counts (snapshot of statuses and relations)', () => {
    const count = (k: 'status' | 'relation') => {
      const out: Record<string, number> = {};
      for (const r of built.references) out[r[k]] = (out[r[k]] ?? 0) + 1;
      return out;
    };
    const status = count('status');
    const relation = count('relation');
    expect(status.resolved).toBeGreaterThan(80);
    expect(status.ambiguous ?? 0).toBe(0);
    expect(relation.basis).toBeGreaterThanOrEqual(8);
    expect(relation.implements).toBeGreaterThanOrEqual(5);
  });
});
