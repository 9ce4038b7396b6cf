/** Resolve many citations in one request; every answer at its citation's index. `npx tsx packages/client/examples/batch-resolve.ts [baseUrl]` */
import { createPolicyKbClient, unwrap } from '@policy-kb/client';

export async function batchResolveExample(baseUrl: string, cites = ['网络安全法第二十一条', '《中华人民共和国数据安全法》第31条', '网络安全法第八十条', '']) {
  const kb = createPolicyKbClient(baseUrl);
  const { results } = unwrap(await kb.POST('/v1/resolve', { body: { cites } }));
  // Unresolved and invalid citations are answers too, with the reason.
  return results.map((r) => (r.status === 'resolved' ? `${r.cite} → ${r.citation} ${r.page}` : `${r.cite} ✗ ${r.status}: ${r.reason}`));
}

if (import.meta.url === `file://${process.argv[1]}`) console.log((await batchResolveExample(process.argv[2] ?? 'http://127.0.0.1:3000')).join('\n'));
