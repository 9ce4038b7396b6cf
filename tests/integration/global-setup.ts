import { Meilisearch } from 'meilisearch';
import type { TestProject } from 'vitest/node';
import { startTestMeili } from '../helpers/meili.js';
import { formatReport, runIngest } from '../../ingest/run-ingest.js';
import { CORPUS_DIR } from '../helpers/corpus.js';

declare module 'vitest' {
  export interface ProvidedContext {
    meili: { url: string; masterKey: string };
  }
}

/**
 * One real Meilisearch (the embedded binary, a free port, a temporary data
 * directory) with the real corpus ingested once, shared by every integration
 * test file; each builds the Fastify app against it and calls app.inject.
 */
export default async function setup(project: TestProject) {
  const meili = await startTestMeili();
  try {
    const report = await runIngest({ client: new Meilisearch({ host: meili.url, apiKey: meili.masterKey }), paths: [CORPUS_DIR] });
    console.log(formatReport(report));
  } catch (err) {
    await meili.stop();
    throw err;
  }
  project.provide('meili', { url: meili.url, masterKey: meili.masterKey });
  return async () => {
    await meili.stop();
  };
}
