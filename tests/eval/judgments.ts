import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * Hand-made relevance judgments (tests/eval/judgments/*.json). A judged clause
 * is named by words a person can check in the corpus — a fragment of its text
 * and a fragment of its document's title — never by an id the parser makes.
 */
export const Judgment = z.object({
  /** A fragment of the document title (《…》) the clause belongs to. */
  doc: z.string().min(2),
  /** A verbatim fragment of the clause text; whitespace is ignored when matching. */
  text: z.string().min(2),
  /** 3: about exactly this; 2: substantially about it; 1: a useful mention. */
  grade: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  /** Judged after a configuration returned it (pooling), rather than found by searching the corpus for the need. */
  pooled: z.boolean().optional(),
});
export type Judgment = z.infer<typeof Judgment>;

export const JudgedQuery = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  query: z.string().min(1),
  /** What kind of need it stands for (topic, legal, department, number, locator, long, traditional, phrase…). */
  kind: z.string(),
  note: z.string().optional(),
  relevant: z.array(Judgment).min(1),
});
export type JudgedQuery = z.infer<typeof JudgedQuery>;

export const JudgmentFile = z.object({
  $comment: z.string().optional(),
  /** The day the file's queries were judged (ISO date), when they were judged together before any search was run. */
  judged: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  queries: z.array(JudgedQuery),
});

export const JUDGMENTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'judgments');

/** Every judged query of every file in `dir`; ids must be unique. Throws on malformed files (a mistake in the data). */
export async function loadJudgments(dir = JUDGMENTS_DIR, opts: { judgedBefore?: string } = {}): Promise<JudgedQuery[]> {
  const out: JudgedQuery[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json')).sort()) {
    const parsed = JudgmentFile.safeParse(JSON.parse(await readFile(path.join(dir, name), 'utf8')));
    if (!parsed.success) throw new Error(`${name}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    // Files without a date predate dated judgments.
    if (opts.judgedBefore && parsed.data.judged && parsed.data.judged >= opts.judgedBefore) continue;
    out.push(...parsed.data.queries);
  }
  const ids = new Set<string>();
  for (const q of out) {
    if (ids.has(q.id)) throw new Error(`duplicate judged query id ${q.id}`);
    ids.add(q.id);
  }
  return out;
}

/** What a hit must show to be matched against judgments. */
export interface JudgedHit {
  docTitle: string;
  text: string;
}

const compact = (s: string) => s.replace(/\s+/g, '');

/** True when the hit is the clause the judgment names. */
export function matchesJudgment(hit: JudgedHit, j: Judgment): boolean {
  return hit.docTitle.includes(j.doc) && compact(hit.text).includes(compact(j.text));
}

/**
 * The grade of each hit, in order: each judgment counts once (a clause
 * returned twice gains once), the best-graded unused judgment a hit matches.
 */
export function gradeHits(hits: JudgedHit[], relevant: Judgment[]): number[] {
  const used = new Set<number>();
  return hits.map((hit) => {
    let best = -1;
    relevant.forEach((j, i) => {
      if (!used.has(i) && matchesJudgment(hit, j) && (best === -1 || j.grade > relevant[best]!.grade)) best = i;
    });
    if (best === -1) return 0;
    used.add(best);
    return relevant[best]!.grade;
  });
}
