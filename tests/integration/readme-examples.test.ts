import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from './helpers.js';

/**
 * The README's example requests must return what the README says they return.
 * Each example is a `curl … 'http://127.0.0.1:3000/…'` line followed by a
 * `# expect: <status> · <fragment> · <fragment>…` line.
 */
interface Example {
  method: 'GET' | 'POST';
  url: string;
  body?: string;
  status: number;
  fragments: string[];
}

function readExamples(): Example[] {
  const lines = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').split('\n');
  const out: Example[] = [];
  lines.forEach((line, i) => {
    const m = line.match(/^curl\s.*?'http:\/\/127\.0\.0\.1:3000([^']+)'/);
    if (!m) return;
    const expectLine = lines[i + 1];
    if (!expectLine?.startsWith('# expect:')) throw new Error(`README example without "# expect:" line: ${line}`);
    const [status, ...fragments] = expectLine.replace('# expect:', '').split(' · ').map((s) => s.trim());
    // curl's options as a user types them: -G turns -d/--data-urlencode into the query string.
    const params = [...line.matchAll(/(--data-urlencode|-d)\s+(?:'([^']*)'|(\S+))/g)].map((p) => ({
      encode: p[1] === '--data-urlencode',
      value: p[2] ?? p[3]!,
    }));
    const path = m[1]!.split('/').map((seg) => encodeURIComponent(decodeURIComponent(seg))).join('/');
    if (/\s-s?G\s/.test(line)) {
      const query = params
        .map(({ encode, value }) => {
          const eq = value.indexOf('=');
          return encode ? `${value.slice(0, eq + 1)}${encodeURIComponent(value.slice(eq + 1))}` : value;
        })
        .join('&');
      out.push({ method: 'GET', url: query ? `${path}?${query}` : path, status: Number(status), fragments });
    } else {
      const body = params[0]?.value;
      out.push({ method: body ? 'POST' : 'GET', url: path, body, status: Number(status), fragments });
    }
  });
  return out;
}

const examples = readExamples();
let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe('README examples', () => {
  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(15);
  });
  it.each(examples.map((e) => [`${e.method} ${decodeURIComponent(e.url)}`, e] as const))('%s', async (_name, e) => {
    const res = await app.inject({
      method: e.method,
      url: e.url,
      ...(e.body ? { payload: e.body, headers: { 'content-type': 'application/json' } } : {}),
    });
    expect(res.statusCode).toBe(e.status);
    for (const f of e.fragments) expect(res.body).toContain(f);
  });
});
