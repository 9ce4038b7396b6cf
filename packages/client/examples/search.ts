/** Search clauses; each hit has a highlighted snippet and its citation. `npx tsx packages/client/examples/search.ts [baseUrl]` */
import { createPolicyKbClient, unwrap } from '@policy-kb/client';

export async function searchExample(baseUrl: string, q = '数据安全', limit = 3) {
  const kb = createPolicyKbClient(baseUrl);
  const page = unwrap(await kb.GET('/v1/search', { params: { query: { q, limit } } }));
  return { total: page.total, citations: page.hits.map((h) => h.citation) };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await searchExample(process.argv[2] ?? 'http://127.0.0.1:3000'));
