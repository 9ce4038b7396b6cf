import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, violations, type SourceText } from './layers.js';

const root = path.resolve(import.meta.dirname, '../..');

function trackedSources(): SourceText[] {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'core', 'meili', 'ingest', 'src'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.(ts|js)$/.test(f));
  return files.flatMap((f) => {
    try {
      return [{ path: f, text: readFileSync(path.join(root, f), 'utf8') }];
    } catch {
      return []; // deleted in the working tree
    }
  });
}

/** tests/architecture/fixtures/<layer>/<name>.ts.txt, checked as if it stood at <layer>/<name>.ts. */
function fixtures(): SourceText[] {
  const dir = path.join(import.meta.dirname, 'fixtures');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts.txt'))
    .map((f) => ({ path: f.split(path.sep).join('/').replace(/\.txt$/, ''), text: readFileSync(path.join(dir, f), 'utf8') }));
}

describe('the dependency rule (tests/architecture/layers.ts)', () => {
  it('holds for every file of core/, meili/, ingest/ and src/', () => {
    const files = trackedSources();
    expect(files.length).toBeGreaterThan(200);
    expect(violations(files)).toEqual([]);
  });

  it('reads every kind of import: from, export from, import(), side-effect import, new URL', () => {
    const text = [
      "import { a } from '../x/a.js';",
      "export { b } from './b.js';",
      "const c = await import('../../ingest/c.js');",
      "import './d.js';",
      "const w = new URL('../../ingest/w.ts', import.meta.url);",
      "import { z } from 'zod';",
    ].join('\n');
    expect(importsOf({ path: 'src/services/s.ts', text }).map((i) => i.target)).toEqual(['src/x/a.ts', 'src/services/b.ts', 'ingest/c.ts', 'src/services/d.ts', 'ingest/w.ts']);
  });

  it('fails on violating files: core reaching into ingest, src into a stage, ingest into src, meili into src', () => {
    const found = violations(fixtures()).map((v) => `${v.file} → ${v.imports}`);
    expect(found).toEqual([
      'core/reads-a-stage.ts → ingest/parse/index.ts',
      'core/reads-a-stage.ts → src/errors.ts',
      'ingest/reads-the-api.ts → src/config.ts',
      'meili/reads-the-api.ts → src/errors.ts',
      'src/reads-a-stage.ts → ingest/enrich/responsibilities/index.ts',
      'src/reads-a-stage.ts → ingest/pipeline.ts',
    ]);
  });

  it('lets src/ start ingest jobs and everyone use core/', () => {
    const ok: SourceText[] = [
      { path: 'src/server.ts', text: "import { runIngest } from '../ingest/run-ingest.js';\nconst w = new URL('../ingest/reindex-worker.ts', import.meta.url);" },
      { path: 'src/services/x.ts', text: "import { INDEX } from '../../core/index/index-names.js';\nimport type { W } from '../../ingest/incremental/worker.js';" },
      { path: 'ingest/push.ts', text: "import { waitForTask } from '../meili/tasks.js';\nimport { INDEX } from '../core/index/index-names.js';" },
    ];
    expect(violations(ok)).toEqual([]);
  });
});
