import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const apiFiles = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'src'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f.endsWith('.ts'))
  .flatMap((f) => {
    try {
      return [{ path: f, text: readFileSync(path.join(root, f), 'utf8') }];
    } catch {
      return [];
    }
  });

/** Files of src/ that call `pattern` (definitions in src/services/ excluded). */
const callers = (pattern: RegExp) =>
  apiFiles.filter((f) => !f.path.startsWith('src/services/') && pattern.test(f.text.replace(/export function create\w+Service\(/g, ''))).map((f) => f.path);

describe('the API creates its services once (src/plugins/services.ts)', () => {
  it('no route, page or other plugin creates a service of its own (each would hold its own cache)', () => {
    expect(apiFiles.length).toBeGreaterThan(40);
    expect(callers(/\bcreate\w+Service\(/)).toEqual(['src/plugins/services.ts']);
  });

  it('the registry file is read only for segmentation; names resolve through the live index generation', () => {
    expect(callers(/\bloadDepartmentRegistry\(/)).toEqual(['src/plugins/segmenter.ts']);
  });

  it('can fail: a route creating its own service is found', () => {
    apiFiles.push({ path: 'src/routes/violating.ts', text: 'const svc = createDocumentService(app.reader);' });
    try {
      expect(callers(/\bcreate\w+Service\(/)).toContain('src/routes/violating.ts');
    } finally {
      apiFiles.pop();
    }
  });
});
