import fp from 'fastify-plugin';
import { createSegmenter, type Segmenter } from '../../core/segment/index.js';
import { policyTerms } from '../../core/segment/policy-terms.js';
import { departmentDictionary, loadDepartmentRegistry } from '../../core/departments/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The same segmentation ingest used, so queries and indexed text split alike. */
    segmenter: Segmenter;
  }
}

export default fp(
  async (app) => {
    // The registry FILE, as ingest segments with it: query words must split exactly like the indexed text. Names
    // resolve through the live index's registry (src/plugins/services.ts), not this one.
    const registry = await loadDepartmentRegistry();
    app.decorate('segmenter', createSegmenter({ userWords: [...departmentDictionary(registry), ...policyTerms] }));
  },
  { name: 'segmenter' },
);
