/**
 * Precision and recall of extracted task owners against the hand labels.
 *   npx tsx tests/eval/eval-owners.ts
 * Builds the real corpus through the whole pipeline, then scores
 * (task, department, role) triples for every labelled task.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadRealCorpus } from '../helpers/corpus.js';
import { scoreOwners, type OwnerLabel } from './owners-metrics.js';

const LABELS = fileURLToPath(new URL('../labels/tasks.json', import.meta.url));

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

async function main(): Promise<void> {
  const labels = (JSON.parse(await readFile(LABELS, 'utf8')) as { tasks: OwnerLabel[] }).tasks;
  const built = await loadRealCorpus();
  const s = scoreOwners(built.tasks, labels);
  console.log(`owners: ${s.labels} labelled tasks, ${s.matched} found among ${built.tasks.length} extracted`);
  console.log(`  (task, department, role): precision ${pct(s.precision)}  recall ${pct(s.recall)}`);
  console.log(`  (task, department):       precision ${pct(s.departmentPrecision)}  recall ${pct(s.departmentRecall)}`);
  for (const [form, f] of Object.entries(s.byForm)) {
    console.log(`  ${form.padEnd(8)} ${String(f.labels).padStart(3)} labels: precision ${pct(f.precision)}  recall ${pct(f.recall)}`);
  }
  for (const p of s.problems) console.log(`  ! ${p}`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
