import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Meilisearch } from 'meilisearch';
import { buildApp } from '../../src/app.js';
import { runIngest } from '../../ingest/run-ingest.js';
import { startTestMeili, type TestMeili } from '../helpers/meili.js';
import { buildTestApp } from './helpers.js';
import { multipart } from './library-helpers.js';

/**
 * The README's example requests must return what the README says they return.
 * Each example is a `curl … 'http://127.0.0.1:3000/…'` line followed by a
 * `# expect: <status> · <fragment> · <fragment>…` line.
 */
interface Example {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD' | 'OPTIONS';
  url: string;
  body?: string;
  /**
   * -H 'name: value': $ADMIN_TOKEN is replaced by the test server's token (from the environment); a value with
   * $ETAG gets the ETag of a GET of the same URL first.
   */
  headers: Record<string, string>;
  /** -F 'file=@path' (relative to the repository) and -F 'name=value'. */
  form: Array<{ name: string; value: string; file: boolean }>;
  /** -i / -I: the response headers are checked too (as `name: value` lines, names in lower case). */
  withHeaders: boolean;
  status: number;
  fragments: string[];
}

const REPO = new URL('../../', import.meta.url).pathname;
/** The token of the admin examples' server: ADMIN_TOKEN from the environment, or one made up for the run. */
const ADMIN_TOKEN = process.env.ADMIN_TOKEN ?? 'readme-admin-token-0123456789abcdef';
/** Examples that change the library, or read what changed, run against a library of their own (see below). */
const changesLibrary = (url: string) => /^\/(v1\/admin\/|v1\/changes(?![\w-])|feeds\/)/.test(url);

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
    const [rawPath, rawQuery] = m[1]!.split('?') as [string, string | undefined];
    const path = rawPath.split('/').map((seg) => encodeURIComponent(decodeURIComponent(seg))).join('/') + (rawQuery ? `?${rawQuery}` : '');
    const headers = Object.fromEntries(
      [...line.matchAll(/-H\s+(?:'([^']*)'|"([^"]*)")/g)].map((h) => {
        const [name, ...value] = (h[1] ?? h[2]!).replace(/\$ADMIN_TOKEN/g, ADMIN_TOKEN).split(':');
        return [name!.trim().toLowerCase(), value.join(':').trim()];
      }),
    );
    const form = [...line.matchAll(/-F\s+'([^']*)'/g)].map((f) => {
      const eq = f[1]!.indexOf('=');
      const value = f[1]!.slice(eq + 1);
      return { name: f[1]!.slice(0, eq), value: value.replace(/^@/, ''), file: value.startsWith('@') };
    });
    const flags = [...line.matchAll(/\s-([a-zA-Z]+)\b/g)].map((f) => f[1]!).join('');
    const withHeaders = /[iI]/.test(flags);
    const forced = /\s-X\s+(\w+)/.exec(line)?.[1] as Example['method'] | undefined;
    const common = { headers, form, withHeaders, status: Number(status), fragments };
    if (/\s-s?G\s/.test(line)) {
      const query = params
        .map(({ encode, value }) => {
          const eq = value.indexOf('=');
          return encode ? `${value.slice(0, eq + 1)}${encodeURIComponent(value.slice(eq + 1))}` : value;
        })
        .join('&');
      out.push({ method: forced ?? 'GET', url: query ? `${path}?${query}` : path, ...common });
    } else {
      const body = params[0]?.value;
      const method = forced ?? (/I/.test(flags) ? 'HEAD' : body || form.length ? 'POST' : 'GET');
      out.push({ method, url: path, body, ...common });
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
/**
 * The admin examples add and remove documents: they run against an engine and
 * a library of their own (the two synthetic documents of
 * tests/fixtures/library/base), so the shared index other tests read stays as
 * ingested.
 */
let adminApp: FastifyInstance | undefined;
let adminMeili: TestMeili | undefined;
let adminLibrary: string | undefined;
beforeAll(async () => {
  app = await buildTestApp();
  if (!examples.some((e) => changesLibrary(e.url))) return;
  adminMeili = await startTestMeili();
  adminLibrary = await mkdtemp(path.join(tmpdir(), 'policy-kb-readme-library-'));
  await cp(path.join(REPO, 'tests/fixtures/library/base'), adminLibrary, { recursive: true });
  const meili = { host: adminMeili.url, apiKey: adminMeili.masterKey };
  await runIngest({ client: new Meilisearch(meili), paths: [adminLibrary] });
  adminApp = await buildApp({ meili, admin: { token: ADMIN_TOKEN, corpusDir: adminLibrary, meili } });
});
afterAll(async () => {
  await app?.close();
  await adminApp?.close();
  await adminMeili?.stop();
  if (adminLibrary) await rm(adminLibrary, { recursive: true, force: true });
});

/** The body and headers as curl sends them: a multipart form (-F), a JSON body (-d), or none. */
function payloadOf(e: Example): { payload?: string | Buffer; headers: Record<string, string> } {
  // As curl sends it: the Host of the URL typed (oEmbed checks that a page URL is this server's).
  const headers = { host: '127.0.0.1:3000', ...e.headers };
  if (e.form.length) {
    const files = e.form.filter((f) => f.file).map((f) => ({ name: path.basename(f.value), bytes: readFileSync(path.join(REPO, f.value)) }));
    const meta = e.form.find((f) => !f.file && f.name === 'metadata');
    const { body, contentType } = multipart(files, meta ? JSON.parse(meta.value) : undefined);
    return { payload: body, headers: { ...headers, 'content-type': contentType } };
  }
  if (e.body) return { payload: e.body, headers: { 'content-type': 'application/json', ...headers } };
  return { headers };
}

describe('README examples', () => {
  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(15);
  });
  it.each(examples.map((e) => [`${e.method} ${decodeURIComponent(e.url)}`, e] as const))('%s', async (_name, e) => {
    const target = changesLibrary(e.url) ? adminApp! : app;
    const { payload, headers } = payloadOf(e);
    for (const [name, value] of Object.entries(headers)) {
      if (!value.includes('$ETAG')) continue;
      const first = await target.inject({ method: 'GET', url: e.url, headers: { host: headers.host! } });
      headers[name as keyof typeof headers] = value.replace('$ETAG', String(first.headers.etag));
    }
    const res = await target.inject({ method: e.method, url: e.url, headers, ...(payload !== undefined ? { payload } : {}) });
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
