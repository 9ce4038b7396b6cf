/** Resolve one citation to its permalink and canonical citation. `npx tsx packages/client/examples/resolve.ts [baseUrl]` */
import { createPolicyKbClient, unwrap } from '@policy-kb/client';

export async function resolveExample(baseUrl: string, cite = '网络安全法第二十一条') {
  const kb = createPolicyKbClient(baseUrl);
  const answer = unwrap(await kb.GET('/v1/resolve', { params: { query: { cite } } }));
  return { citation: answer.citation, url: answer.url };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await resolveExample(process.argv[2] ?? 'http://127.0.0.1:3000'));
