/**
 * Process configuration from environment variables, validated once at start.
 * A bad value is a configuration mistake: it throws a ConfigError listing every
 * offending variable, so a misconfigured deployment fails before it listens.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

/** The most Meilisearch instances one library may be spread over (meili/shards.ts starts and links them). */
export const MAX_SHARDS = 8;

export const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
export type LogLevel = z.infer<typeof LogLevel>;

/**
 * The parsed configuration. Keys keep the names of the environment variables
 * they come from, so a value can be traced to its variable without a mapping.
 */
export const Config = z.object({
  PORT: z.number().int().min(1).max(65535),
  HOST: z.string(),
  /** Absolute. */
  CORPUS_DIR: z.string(),
  /** Absolute. */
  DATA_DIR: z.string(),
  /** Set: use this Meilisearch and start none (with several, the first: the home shard). Unset: run the embedded one. */
  MEILI_HOST: z.string().optional(),
  /**
   * Every Meilisearch the library is spread over, home shard first (meili/shards.ts): the URLs of a
   * comma-separated MEILI_HOST; empty when embedded (then MEILI_SHARDS says how many to start).
   */
  MEILI_SHARD_HOSTS: z.array(z.string()),
  /** How many instances the clauses are spread over: 1 (the default) is one instance, exactly as before shards. */
  MEILI_SHARDS: z.number().int().min(1),
  /** Only with MEILI_HOST; the embedded server keeps its own key in DATA_DIR/meili-master-key. */
  MEILI_MASTER_KEY: z.string().optional(),
  /** Only for the embedded server; unset: a free port chosen by the OS. */
  MEILI_PORT: z.number().int().min(1).max(65535).optional(),
  LOG_LEVEL: LogLevel,
  /** Origins whose browser apps may read the API: `*`, or exact origins (src/plugins/cors.ts). */
  CORS_ORIGINS: z.union([z.literal('*'), z.array(z.string())]),
  /** Set: the admin API (/v1/admin/…) is enabled and needs `Authorization: Bearer <ADMIN_TOKEN>`. Unset: it does not exist. */
  ADMIN_TOKEN: z.string().optional(),
  /** Largest file the admin API accepts, bytes. */
  ADMIN_MAX_UPLOAD_BYTES: z.number().int().positive(),
});
export type Config = z.infer<typeof Config>;

export interface ConfigIssue {
  variable: string;
  message: string;
}

/** Thrown by loadConfig; `issues` names each bad variable and why. Values of secrets are never echoed. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly issues: ConfigIssue[];
  constructor(issues: ConfigIssue[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n')}`);
    this.issues = issues;
  }
}

// Docker Compose and shells often pass `VAR=` for "not set"; treat blank as absent.
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const portNumber = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number between 1 and 65535')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 65535, 'must be a whole number between 1 and 65535')
    .optional(),
);

const optionalText = z.preprocess(blankToUndefined, z.string().optional());

const isHttpUrl = (s: string) => {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
};

/** One URL, or several separated by commas (external shards, home first); each http(s), none twice. */
const httpUrls = z.preprocess(
  blankToUndefined,
  z
    .string()
    .refine((s) => s.split(',').every((u) => isHttpUrl(u.trim())), 'must be an http(s) URL such as http://127.0.0.1:7700, or several separated by commas')
    .refine((s) => {
      const all = s.split(',').map((u) => (isHttpUrl(u.trim()) ? new URL(u.trim()).origin : u));
      return new Set(all).size === all.length;
    }, 'names the same Meilisearch twice')
    .optional(),
);

const EnvSchema = z.object({
  PORT: portNumber,
  HOST: optionalText,
  CORPUS_DIR: optionalText,
  DATA_DIR: optionalText,
  MEILI_HOST: httpUrls,
  MEILI_SHARDS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d+$/, `must be a whole number from 1 to ${MAX_SHARDS}`)
      .transform(Number)
      .refine((n) => n >= 1 && n <= MAX_SHARDS, `must be a whole number from 1 to ${MAX_SHARDS}`)
      .optional(),
  ),
  MEILI_MASTER_KEY: optionalText,
  MEILI_PORT: portNumber,
  CORS_ORIGINS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine(
        (v) => v.trim() === '*' || v.trim().toLowerCase() === 'none' || v.split(',').every((o) => /^https?:\/\/[^/\s]+$/.test(o.trim().replace(/\/$/, ''))),
        'must be *, none, or comma-separated origins such as https://oa.example.gov.cn',
      )
      .optional(),
  ),
  ADMIN_TOKEN: z.preprocess(blankToUndefined, z.string().min(16, 'must be at least 16 characters (e.g. openssl rand -hex 32)').optional()),
  ADMIN_MAX_UPLOAD_MB: z.preprocess(
    blankToUndefined,
    z.string().regex(/^\d+$/, 'must be a whole number of megabytes').transform(Number).refine((n) => n >= 1 && n <= 200, 'must be between 1 and 200').optional(),
  ),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === 'string' ? blankToUndefined(v.trim().toLowerCase()) : v),
    z.enum(LogLevel.options, { error: `must be one of ${LogLevel.options.join(', ')}` }).optional(),
  ),
});

/**
 * Reads `CORS_ORIGINS`: unset or `*` → any origin; `none` → no cross-origin
 * access; otherwise comma-separated origins, normalized as browsers send them
 * (`https://OA.example.org/` → `https://oa.example.org`).
 */
function parseCorsOrigins(value: string | undefined): '*' | string[] {
  const v = value?.trim();
  if (!v || v === '*') return '*';
  if (v.toLowerCase() === 'none') return [];
  return v.split(',').map((s) => new URL(s.trim()).origin);
}

/** Variables whose values must never appear in an error message. */
const SECRET_VARIABLES = new Set(['MEILI_MASTER_KEY', 'ADMIN_TOKEN']);

/**
 * Checks between variables, run on the raw values (not after parsing) so they
 * are reported together with per-variable problems instead of after them.
 */
function crossCheck(env: NodeJS.ProcessEnv): ConfigIssue[] {
  const has = (name: string) => blankToUndefined(env[name]) !== undefined;
  const issues: ConfigIssue[] = [];
  if (has('MEILI_HOST') && has('MEILI_PORT')) {
    issues.push({
      variable: 'MEILI_PORT',
      message: 'applies only to the embedded Meilisearch; it cannot be combined with MEILI_HOST',
    });
  }
  // With external engines the list of URLs is the list of shards; a separate count could only contradict it.
  if (has('MEILI_HOST') && has('MEILI_SHARDS')) {
    const urls = String(env.MEILI_HOST).split(',').filter((u) => u.trim()).length;
    if (Number(env.MEILI_SHARDS) !== urls) {
      issues.push({ variable: 'MEILI_SHARDS', message: `is ${env.MEILI_SHARDS} but MEILI_HOST lists ${urls} URL(s); with external engines the URLs are the shards (leave MEILI_SHARDS unset)` });
    }
  }
  // A key with no host most likely means a forgotten MEILI_HOST; silently
  // starting a local server instead would index into the wrong place.
  if (has('MEILI_MASTER_KEY') && !has('MEILI_HOST')) {
    issues.push({
      variable: 'MEILI_MASTER_KEY',
      message:
        'is set but MEILI_HOST is not; set MEILI_HOST to use an external Meilisearch, or unset MEILI_MASTER_KEY ' +
        '(the embedded one keeps its own key in DATA_DIR/meili-master-key)',
    });
  }
  return issues;
}

/**
 * Reads the configuration from `env`.
 * Defaults: PORT 3000, HOST 127.0.0.1, CORPUS_DIR ./corpus, DATA_DIR ./data
 * (both resolved against `cwd` to absolute paths), LOG_LEVEL info, CORS_ORIGINS * (any origin may read), an
 * embedded Meilisearch on a free port unless MEILI_HOST is set (MEILI_SHARDS 1: one engine; N: N local engines,
 * or MEILI_HOST=url1,url2,… for external shards), no admin API unless ADMIN_TOKEN is set,
 * uploads up to ADMIN_MAX_UPLOAD_MB 20. Blank values count as unset.
 * @param env defaults to `process.env`
 * @param cwd base for relative directories; defaults to `process.cwd()`
 * @throws ConfigError listing each invalid variable
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  const issues: ConfigIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const variable = String(issue.path[0] ?? '(environment)');
        const value = env[variable];
        const shown = value !== undefined && !SECRET_VARIABLES.has(variable) ? ` (got ${JSON.stringify(value)})` : '';
        return { variable, message: `${issue.message}${shown}` };
      });
  issues.push(...crossCheck(env));
  if (!parsed.success || issues.length > 0) throw new ConfigError(issues);
  const e = parsed.data;
  return {
    PORT: e.PORT ?? 3000,
    HOST: e.HOST ?? '127.0.0.1',
    CORPUS_DIR: resolve(cwd, e.CORPUS_DIR ?? './corpus'),
    DATA_DIR: resolve(cwd, e.DATA_DIR ?? './data'),
    MEILI_HOST: e.MEILI_HOST?.split(',')[0]!.trim(),
    MEILI_SHARD_HOSTS: e.MEILI_HOST ? e.MEILI_HOST.split(',').map((u) => u.trim()) : [],
    MEILI_SHARDS: e.MEILI_HOST ? e.MEILI_HOST.split(',').length : (e.MEILI_SHARDS ?? 1),
    MEILI_MASTER_KEY: e.MEILI_MASTER_KEY,
    MEILI_PORT: e.MEILI_PORT,
    LOG_LEVEL: e.LOG_LEVEL ?? 'info',
    CORS_ORIGINS: parseCorsOrigins(e.CORS_ORIGINS),
    ADMIN_TOKEN: e.ADMIN_TOKEN,
    ADMIN_MAX_UPLOAD_BYTES: (e.ADMIN_MAX_UPLOAD_MB ?? 20) * 1024 * 1024,
  };
}
