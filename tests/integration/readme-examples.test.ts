import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  body?: string;
  /** -H 'name: value' ($ADMIN_TOKEN replaced by the test server's token, from the environment). */
  headers: Record<string, string>;
  /** -F 'file=@path' (relative to the repository) and -F 'name=value'. */
  form: Array<{ name: string; value: string; file: boolean }>;
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
    const explicit = line.match(/-X\s+(GET|POST|PUT|DELETE)\b/)?.[1] as Example['method'] | undefined;
    if (/\s-s?G\s/.test(line)) {
      const query = params
        .map(({ encode, value }) => {
          const eq = value.indexOf('=');
          return encode ? `${value.slice(0, eq + 1)}${encodeURIComponent(value.slice(eq + 1))}` : value;
        })
        .join('&');
      out.push({ method: 'GET', url: query ? `${path}?${query}` : path, headers, form, status: Number(status), fragments });
    } else {
      const body = params[0]?.value;
      out.push({ method: explicit ?? (body || form.length ? 'POST' : 'GET'), url: path, body, headers, form, status: Number(status), fragments });
    }
  });
  return out;
}

const examples = readExamples();
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

function payloadOf(e: Example): { payload?: string | Buffer; headers: Record<string, string> } {
  if (e.form.length) {
    const files = e.form.filter((f) => f.file).map((f) => ({ name: path.basename(f.value), bytes: readFileSync(path.join(REPO, f.value)) }));
    const meta = e.form.find((f) => !f.file && f.name === 'metadata');
    const { body, contentType } = multipart(files, meta ? JSON.parse(meta.value) : undefined);
    return { payload: body, headers: { ...e.headers, 'content-type': contentType } };
  }
  if (e.body) return { payload: e.body, headers: { 'content-type': 'application/json', ...e.headers } };
  return { headers: e.headers };
}

describe('README examples', () => {
  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(15);
  });
  it.each(examples.map((e) => [`${e.method} ${decodeURIComponent(e.url)}`, e] as const))('%s', async (_name, e) => {
    const target = changesLibrary(e.url) ? adminApp! : app;
    const res = await target.inject({ method: e.method, url: e.url, ...payloadOf(e) });
    expect(res.statusCode).toBe(e.status);
    for (const f of e.fragments) expect(res.body).toContain(f);
  });
});
