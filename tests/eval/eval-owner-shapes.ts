/**
 * Precision and recall of extracted task owners on the note-shapes samples
 * (tests/labels/shapes/ with tasks-shapes.json; tests/labels/shapes-blind/ with
 * tasks-shapes-blind.json), reported apart from the corpus sample.
 *   npx tsx tests/eval/eval-owner-shapes.ts [shapes|blind|blind2|blind3|blind4|blind5]
 */
import { readFile } from 'node:fs/promises';
import { loadShapesSample, shapesLabelsFile, type ShapesSample } from '../helpers/shapes-sample.js';
import { scoreOwners, type OwnerLabel } from './owners-metrics.js';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

async function main(): Promise<void> {
  const sample = (process.argv[2] ?? 'shapes') as ShapesSample;
  const labels = (JSON.parse(await readFile(shapesLabelsFile(sample), 'utf8')) as { tasks: OwnerLabel[] }).tasks;
  const built = await loadShapesSample(sample);
  const s = scoreOwners(built.tasks, labels);
  console.log(`owner shapes (${sample}): ${s.labels} labelled tasks, ${s.matched} found among ${built.tasks.length} extracted`);
  console.log(`  (task, department, role): precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${pct(f1(s.precision, s.recall))}`);
  console.log(`  (task, department):       precision ${pct(s.departmentPrecision)}  recall ${pct(s.departmentRecall)}  F1 ${pct(f1(s.departmentPrecision, s.departmentRecall))}`);
  console.log(`  inherited flags: ${s.inherited.correct}/${s.inherited.labelled} labelled found flagged, ${s.inherited.extra} flagged without a label`);
  console.log(`  leaders: ${s.leaders.correct}/${s.leaders.labelled} kept apart as written`);
  for (const p of s.problems) console.log(`  ! ${p}`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
