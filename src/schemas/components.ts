import { z } from 'zod';
import { OutlineNode } from '../../core/index/schemas.js';

/**
 * Schemas the OpenAPI document names as components. A recursive schema must
 * be one: inlined, zod's JSON Schema output refers to itself through a
 * generated `#/components/schemas/schema0` that nothing defines, and the
 * document stops validating. Registering it under an id in zod's global
 * registry makes fastify-type-provider-zod's transformObject emit it as
 * `#/components/schemas/OutlineNode`, with the recursion pointing at itself.
 */
export const COMPONENTS = { OutlineNode } as const;

for (const [id, schema] of Object.entries(COMPONENTS)) {
  if (!z.globalRegistry.has(schema)) z.globalRegistry.add(schema, { id });
}
