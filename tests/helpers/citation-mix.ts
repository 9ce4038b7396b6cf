/**
 * A mixed batch of citations built from what the index holds, each with the
 * answer it must get — so a test can check every answer and its place, and the
 * benchmark resolves the same mix one by one and in a batch.
 *
 * Kinds, cycled through so every stretch of the batch mixes them:
 * - resolved: 《full title》第N条 or short title + N条 (Arabic) of a real article → that article's id;
 * - unresolved: an article past a law's last one (the document is known), or a title the corpus lacks;
 * - invalid: empty, blank, over-long, or naming no document (第三条 alone, empty 《》).
 */
import { parseNumeral } from '../../core/references/index.js';

export interface MixItem {
  cite: string;
  expect: { status: 'resolved'; clauseId: string } | { status: 'unresolved'; docId?: string } | { status: 'invalid' };
}

interface OutlineNode {
  id: string;
  kind: string;
  label?: string;
  children: OutlineNode[];
}

type GetJson = (url: string) => Promise<any>;

function articles(node: OutlineNode, out: { id: string; label: string }[] = []): { id: string; label: string }[] {
  if (node.kind === 'article' && node.label) out.push({ id: node.id, label: node.label });
  for (const c of node.children) articles(c, out);
  return out;
}

/**
 * Builds `n` citations (default 1,000) from the laws in the index.
 * @param getJson GET a path of the API and parse its JSON (app.inject or fetch)
 */
export async function buildCitationMix(getJson: GetJson, n = 1_000): Promise<MixItem[]> {
  const list = await getJson('/v1/documents?kind=law&limit=200');
  const laws: { id: string; title: string; articles: { id: string; label: string }[] }[] = [];
  for (const d of list.documents as { id: string; title: string }[]) {
    const detail = await getJson(`/v1/documents/${d.id}`);
    laws.push({ id: d.id, title: d.title, articles: articles(detail.outline) });
  }
  if (laws.length === 0 || laws.every((l) => l.articles.length === 0)) throw new Error('the index holds no law with articles');
  const resolved: MixItem[] = [];
  for (const law of laws) {
    const short = law.title.replace(/^中华人民共和国/, '');
    law.articles.forEach((a, i) => {
      const n = parseNumeral(/^第(.+)条$/.exec(a.label)?.[1] ?? '');
      // Every other article cited by short title and Arabic number, the rest in full with 《》.
      const cite = i % 2 === 1 && n !== undefined ? `${short}第${n}条` : `《${law.title}》${a.label}`;
      resolved.push({ cite, expect: { status: 'resolved', clauseId: a.id } });
    });
  }
  const unresolved: MixItem[] = [];
  for (const law of laws) {
    for (let k = 1; k <= 5; k++) unresolved.push({ cite: `${law.title}第${law.articles.length + k * 7}条`, expect: { status: 'unresolved', docId: law.id } });
  }
  // Punctuation only reads as a title nobody wrote: unresolved, not malformed.
  unresolved.push({ cite: '？？？', expect: { status: 'unresolved' } });
  for (let k = 1; k <= 20; k++) unresolved.push({ cite: `《某某省不存在事项管理办法（试行${k}）》第${k}条`, expect: { status: 'unresolved' } });
  const invalid: MixItem[] = [
    { cite: '', expect: { status: 'invalid' } },
    { cite: '   ', expect: { status: 'invalid' } },
    { cite: '第三条', expect: { status: 'invalid' } },
    { cite: '《》第三条', expect: { status: 'invalid' } },
    { cite: '法'.repeat(501), expect: { status: 'invalid' } },
  ];
  const kinds = [resolved, resolved, resolved, unresolved, invalid];
  const out: MixItem[] = [];
  for (let i = 0; out.length < n; i++) {
    const pool = kinds[i % kinds.length]!;
    out.push(pool[Math.floor(i / kinds.length) % pool.length]!);
  }
  return out;
}
