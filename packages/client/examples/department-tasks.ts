/** The tasks a department leads, under any of its names. `npx tsx packages/client/examples/department-tasks.ts [baseUrl]` */
import { createPolicyKbClient, unwrap } from '@policy-kb/client';

export async function departmentTasksExample(baseUrl: string, name = '大数据局') {
  const kb = createPolicyKbClient(baseUrl);
  const page = unwrap(await kb.GET('/v1/departments/{name}/tasks', { params: { path: { name }, query: { role: 'lead', limit: 5 } } }));
  return page;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await departmentTasksExample(process.argv[2] ?? 'http://127.0.0.1:3000'));
