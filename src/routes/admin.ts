import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { INDEX } from '../../core/index/index-names.js';
import { libraryName, LIBRARY_EXTENSIONS } from '../../ingest/incremental/library.js';
import type { Manifest } from '../../ingest/corpus/manifest.js';
import { ApiError } from '../errors.js';
import { errorResponses } from '../schemas/common.js';
import { DocParams } from '../schemas/documents.js';
import { JobBody, JobParams, UploadMetadata, WaitQuery } from '../schemas/admin.js';
import { createJobRunner, type Job, type JobRunnerOptions } from '../services/admin-jobs.js';

export interface AdminOptions {
  /** The admin token; requests must send `Authorization: Bearer <token>`. */
  token: string;
  /** The library the jobs change (uploads are kept there, so a full re-ingest reproduces it). */
  corpusDir: string;
  /** Where uploads wait for their job (default: the system's temporary directory). */
  stagingDir?: string;
  /** Largest file accepted, bytes (default 20 MB). */
  maxUploadBytes?: number;
  /** Files per request at most (default 10). */
  maxFiles?: number;
  /** The engine the jobs write to (the API's own reader is read-only). */
  meili: JobRunnerOptions['meili'];
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * `Authorization: Bearer <token>` against the admin token, in constant time:
 * both sides are hashed first, so neither the length nor the first differing
 * byte of the token shows in the timing. 401 without credentials, 403 with wrong ones.
 */
export function checkBearer(header: string | undefined, expected: Buffer): void {
  const m = header?.match(/^Bearer[ ]+(\S+)\s*$/i);
  if (!m) throw new ApiError('UNAUTHORIZED');
  if (!timingSafeEqual(digest(m[1]!), expected)) throw new ApiError('FORBIDDEN');
}

const jobUrl = (id: string) => `/v1/admin/jobs/${id}`;
const jobBody = (job: Job) => ({ ...job, report: job.report as Record<string, unknown> | undefined, url: jobUrl(job.id) });

/** 200 with the job once finished; 202 while queued or running (poll its url). */
async function answer(reply: FastifyReply, job: Job, waitSeconds: number, wait: (id: string, ms: number) => Promise<Job | undefined>) {
  const now = (await wait(job.id, waitSeconds * 1000)) ?? job;
  const finished = now.status === 'done' || now.status === 'failed';
  return reply.status(finished ? 200 : 202).header('location', jobUrl(job.id)).send(jobBody(now));
}

/**
 * The admin API: add, replace and remove documents as jobs. Registered only
 * when ADMIN_TOKEN is set; every route here, under /v1/admin/, needs the token.
 */
const admin: FastifyPluginAsyncZod<AdminOptions> = async (app, opts) => {
  const expected = digest(opts.token);
  const maxBytes = opts.maxUploadBytes ?? 20 * 1024 * 1024;
  const maxFiles = opts.maxFiles ?? 10;
  const runner = createJobRunner({ corpusDir: opts.corpusDir, meili: opts.meili });
  app.addHook('onReady', async () => runner.warm());
  app.addHook('onClose', () => runner.close());
  // Before anything is read from the body: an upload without the token is not even received.
  app.addHook('onRequest', async (req) => checkBearer(req.headers.authorization, expected));
  await app.register(multipart, { limits: { fileSize: maxBytes, files: maxFiles, fields: 4, fieldSize: 64 * 1024, parts: maxFiles + 4 } });

  const submitChecked = (spec: Parameters<typeof runner.submit>[0]) => {
    if (runner.queued() >= 20) throw new ApiError('TOO_MANY_JOBS');
    return runner.submit(spec);
  };

  /** Streams the request's files into a fresh staging directory; returns them with the metadata part. */
  async function receive(req: FastifyRequest): Promise<{ dir: string; files: Array<{ abs: string; rel: string }>; metaFile?: string }> {
    if (!req.isMultipart()) throw new ApiError('INVALID_REQUEST', 'Send the file as multipart/form-data (curl -F file=@name.txt).');
    const dir = path.join(opts.stagingDir ?? tmpdir(), `policy-kb-upload-${randomBytes(6).toString('hex')}`);
    await mkdir(dir, { recursive: true });
    const files: Array<{ abs: string; rel: string }> = [];
    let metadata: unknown;
    try {
      for await (const part of req.parts()) {
        if (part.type === 'field') {
          if (part.fieldname !== 'metadata') throw new ApiError('INVALID_REQUEST', `Unknown form field ${part.fieldname}: send file and, optionally, metadata.`);
          try {
            metadata = JSON.parse(String(part.value));
          } catch {
            throw new ApiError('INVALID_REQUEST', 'metadata must be JSON, e.g. {"title":"…","issuer":"…","date":"2024-05-01"}.');
          }
          continue;
        }
        const rel = libraryName(part.filename || 'upload');
        const ext = path.extname(rel).toLowerCase();
        if (!(LIBRARY_EXTENSIONS as readonly string[]).includes(ext)) {
          part.file.resume();
          // The same rule and wording as the CLI's per-file error (ingest/read).
          throw new ApiError('UNSUPPORTED_FILE', undefined, [
            { path: rel, rule: 'read/unsupported', message: `unsupported file type "${ext || '(none)'}": only .txt, .md and .pdf are read` },
          ]);
        }
        if (files.some((f) => f.rel === rel)) throw new ApiError('INVALID_REQUEST', `Two files are named ${rel}.`);
        const abs = path.join(dir, rel);
        await pipeline(part.file, createWriteStream(abs));
        files.push({ abs, rel });
      }
      if (!files.length) throw new ApiError('INVALID_REQUEST', 'No file in the request: send it as the form field "file".');
      let metaFile: string | undefined;
      if (metadata !== undefined) {
        const parsed = UploadMetadata.safeParse(metadata);
        if (!parsed.success) throw new ApiError('INVALID_REQUEST', 'metadata is not manifest-style metadata.', parsed.error.issues);
        const manifest: Manifest = 'files' in parsed.data ? parsed.data : { files: Object.fromEntries(files.map((f) => [f.rel, parsed.data as never])) };
        metaFile = path.join(dir, '.metadata.json');
        await writeFile(metaFile, JSON.stringify(manifest));
      }
      return { dir, files, metaFile };
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      const e = err as { statusCode?: number; code?: string };
      if (e.statusCode === 413 || e.code === 'FST_REQ_FILE_TOO_LARGE') {
        throw new ApiError('PAYLOAD_TOO_LARGE', `Files are accepted up to ${Math.floor(maxBytes / 1024 / 1024)} MB, ${maxFiles} per request.`);
      }
      throw err;
    }
  }

  async function requireDocument(id: string): Promise<void> {
    if (!(await app.reader.get(INDEX.documents, id, ['id']))) throw new ApiError('DOCUMENT_NOT_FOUND');
  }

  const common = { tags: ['admin'], security: [{ bearer: [] }] };
  const errors = errorResponses(401, 403, 404, 413, 415, 429);

  app.post(
    '/v1/admin/documents',
    {
      schema: {
        ...common,
        summary: 'Add documents: multipart upload of .txt/.md/.pdf (form field "file", optional "metadata" JSON as in the manifest), run as a job',
        querystring: WaitQuery,
        response: { 200: JobBody, 202: JobBody, ...errors },
      },
    },
    async (req, reply) => {
      const { dir, files, metaFile } = await receive(req);
      const job = submitChecked({ command: 'add', args: files.map((f) => f.abs), targets: files.map((f) => f.rel), metaFile, cleanup: dir });
      return answer(reply, job, req.query.wait, runner.wait);
    },
  );

  app.put(
    '/v1/admin/documents/:id',
    {
      schema: {
        ...common,
        summary: 'Replace a document with an uploaded file (its library file is replaced; ids stay when the title does)',
        params: DocParams,
        querystring: WaitQuery,
        response: { 200: JobBody, 202: JobBody, ...errors },
      },
    },
    async (req, reply) => {
      await requireDocument(req.params.id);
      const { dir, files, metaFile } = await receive(req);
      if (files.length !== 1) {
        await rm(dir, { recursive: true, force: true });
        throw new ApiError('INVALID_REQUEST', 'A replacement is one file.');
      }
      const job = submitChecked({ command: 'replace', args: [req.params.id, files[0]!.abs], targets: [req.params.id, files[0]!.rel], metaFile, cleanup: dir });
      return answer(reply, job, req.query.wait, runner.wait);
    },
  );

  app.delete(
    '/v1/admin/documents/:id',
    {
      schema: {
        ...common,
        summary: 'Remove a document (its library files); citations of it become unresolved',
        params: DocParams,
        querystring: WaitQuery,
        response: { 200: JobBody, 202: JobBody, ...errors },
      },
    },
    async (req, reply) => {
      await requireDocument(req.params.id);
      const job = submitChecked({ command: 'remove', args: [req.params.id], targets: [req.params.id] });
      return answer(reply, job, req.query.wait, runner.wait);
    },
  );

  app.get(
    '/v1/admin/jobs/:id',
    {
      schema: { ...common, summary: 'A job: queued, running, done (with the ingest report) or failed (with the reason)', params: JobParams, querystring: WaitQuery, response: { 200: JobBody, 202: JobBody, ...errors } },
    },
    async (req, reply) => {
      const job = runner.get(req.params.id);
      if (!job) throw new ApiError('JOB_NOT_FOUND');
      const now = (await runner.wait(job.id, req.query.wait * 1000)) ?? job;
      return reply.status(200).send(jobBody(now));
    },
  );
};
export default admin;
