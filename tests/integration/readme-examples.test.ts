import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from './helpers.js';

/**
 * The README's example requests must return what the README says they return.
 * Each example is a `curl … 'http://127.0.0.1:3000/…'` line followed by a
 * `# expect: <status> · <fragment> · <fragment>…` line.
 */
interface Example {
  method: 'GET' | 'POST' | 'HEAD' | 'OPTIONS';
  url: string;
  body?: string;
  /** From -H; a value with $ETAG gets the ETag of a GET of the same URL first. */
  headers: Record<string, string>;
  /** -i / -I: the response headers are checked too (as `name: value` lines, names in lower case). */
  withHeaders: boolean;
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
    const headers: Record<string, string> = {};
    for (const h of line.matchAll(/-H\s+(?:'([^']*)'|"([^"]*)")/g)) {
      const [name, ...value] = (h[1] ?? h[2]!).split(':');
      headers[name!.trim().toLowerCase()] = value.join(':').trim();
    }
    const flags = [...line.matchAll(/\s-([a-zA-Z]+)\b/g)].map((f) => f[1]!).join('');
    const withHeaders = /[iI]/.test(flags);
    const forced = /\s-X\s+(\w+)/.exec(line)?.[1] as Example['method'] | undefined;
    const path = m[1]!.split('/').map((seg) => encodeURIComponent(decodeURIComponent(seg))).join('/');
    if (/\s-s?G\s/.test(line)) {
      const query = params
        .map(({ encode, value }) => {
          const eq = value.indexOf('=');
          return encode ? `${value.slice(0, eq + 1)}${encodeURIComponent(value.slice(eq + 1))}` : value;
        })
        .join('&');
      out.push({ method: forced ?? 'GET', url: query ? `${path}?${query}` : path, headers, withHeaders, status: Number(status), fragments });
    } else {
      const body = params[0]?.value;
      const method = forced ?? (/I/.test(flags) ? 'HEAD' : body ? 'POST' : 'GET');
      out.push({ method, url: path, body, headers, withHeaders, status: Number(status), fragments });
    }
  });
  return out;
}

/**
 * The README's TypeScript client examples: a ```ts block whose last line is
 * `// expect: fragment · fragment…`, checked against what it console.logs.
 */
function readClientExamples(): { code: string; fragments: string[] }[] {
  const text = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)]
    .map((m) => m[1]!)
    .filter((code) => /^\/\/ expect: /m.test(code))
    .map((code) => ({ code, fragments: /^\/\/ expect: (.*)$/m.exec(code)![1]!.split(' · ').map((s) => s.trim()) }));
}

const examples = readExamples();
const clientExamples = readClientExamples();
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
    // As curl sends it: the Host of the URL typed (oEmbed checks that a page URL is this server's).
    const headers: Record<string, string> = { host: '127.0.0.1:3000', ...(e.body ? { 'content-type': 'application/json' } : {}), ...e.headers };
    for (const [name, value] of Object.entries(headers)) {
      if (!value.includes('$ETAG')) continue;
      const first = await app.inject({ method: 'GET', url: e.url, headers: { host: headers.host! } });
      headers[name] = value.replace('$ETAG', String(first.headers.etag));
    }
    const res = await app.inject({ method: e.method, url: e.url, headers, ...(e.body ? { payload: e.body } : {}) });
    expect(res.statusCode).toBe(e.status);
    const shown = e.withHeaders
      ? `${Object.entries(res.headers).map(([k, v]) => `${k}: ${String(v)}`).join('\n')}\n\n${res.body}`
      : res.body;
    for (const f of e.fragments) expect(shown).toContain(f);
  });

  it('has client examples', () => {
    expect(clientExamples.length).toBeGreaterThanOrEqual(1);
  });
  it.each(clientExamples.map((e, i) => [i, e] as const))('client example %i', async (i, e) => {
    // The example as a module next to the repository's node_modules, against a real server; its console.log collected.
    await app.listen({ port: 0, host: '127.0.0.1' }).catch(() => undefined);
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const dir = new URL('../../.tmp/', import.meta.url);
    mkdirSync(dir, { recursive: true });
    const file = new URL(`readme-client-${i}-${process.pid}.ts`, dir);
    const code = e.code.replaceAll("'http://127.0.0.1:3000'", `'${base}'`).replaceAll('console.log(', '__out.push(');
    writeFileSync(file, `export const __out: unknown[] = [];\n${code}`);
    try {
      const mod = (await import(pathToFileURL(file.pathname).href)) as { __out: unknown[] };
      const shown = mod.__out.flat(2).map(String).join('\n');
      for (const f of e.fragments) expect(shown).toContain(f);
    } finally {
      rmSync(file, { force: true });
    }
  });
});
