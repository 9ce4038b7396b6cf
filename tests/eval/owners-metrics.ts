/**
 * Scores extracted tasks against the hand labels in tests/labels/tasks.json:
 * precision and recall of (task, department, role) triples. Pure, so the
 * eval script and a test can share it.
 */
import type { Task } from '../../ingest/enrich/responsibilities/index.js';

export interface OwnerLabel {
  doc: string;
  where: string;
  form: 'note' | 'table' | 'section';
  anchor: string;
  owners: Array<[string, 'lead' | 'responsible' | 'cooperating']>;
  /** Owners handed down by an earlier note (下同, 以下任务均…), expected flagged `inherited`. */
  inherited?: string[];
  /** The person or post named beside the note (分管领导：…), expected in `leader`, never among the owners. */
  leader?: string;
  note?: string;
}

export interface Score {
  labels: number;
  matched: number;
  precision: number;
  recall: number;
  /** The same, ignoring roles: (task, department) pairs. */
  departmentPrecision: number;
  departmentRecall: number;
  byForm: Record<string, { labels: number; precision: number; recall: number }>;
  /** Labelled inherited owners found flagged, of those labelled; owners flagged on found tasks without a label. */
  inherited: { labelled: number; correct: number; extra: number };
  /** Labelled leaders found as written (spaces ignored), of those labelled. */
  leaders: { labelled: number; correct: number };
  problems: string[];
}

/** Compares texts the way people read them: no spaces, full-width ASCII and punctuation folded. */
export function fold(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[«〈]/g, '《')
    .replace(/[»〉]/g, '》');
}

const docKey = (s: string) => fold(s).replace(/[《》“”"的]/g, '');

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

/** Finds each label's task (by document, anchor words, then form) and scores the owners. */
export function scoreOwners(tasks: Task[], labels: OwnerLabel[]): Score {
  const problems: string[] = [];
  const forms = new Map<string, { tp: number; pred: number; gold: number; labels: number }>();
  let tp = 0, pred = 0, gold = 0, dtp = 0, dpred = 0, matched = 0;
  const inherited = { labelled: 0, correct: 0, extra: 0 };
  const leaders = { labelled: 0, correct: 0 };
  const folded = tasks.map((t) => ({ t, text: fold(t.text), doc: docKey(t.docTitle) }));
  for (const label of labels) {
    const f = forms.get(label.form) ?? { tp: 0, pred: 0, gold: 0, labels: 0 };
    forms.set(label.form, f);
    f.labels++;
    const anchor = fold(label.anchor);
    const doc = docKey(label.doc);
    let found = folded.filter((x) => (x.doc === doc || x.doc.includes(doc) || doc.includes(x.doc)) && x.text.includes(anchor));
    if (found.length > 1) found = found.filter((x) => x.t.form === label.form);
    const goldSet = new Set(label.owners.map(([d, r]) => `${d}:${r}`));
    const goldDepts = new Set(label.owners.map(([d]) => d));
    gold += goldSet.size;
    f.gold += goldSet.size;
    inherited.labelled += label.inherited?.length ?? 0;
    if (label.leader) leaders.labelled++;
    if (found.length !== 1) {
      problems.push(`${found.length ? 'ambiguous' : 'not found'}: ${label.doc} ${label.where} «${label.anchor}»`);
      continue;
    }
    matched++;
    const task = found[0]!.t;
    const flagged = new Set(task.owners.filter((o) => o.inherited).map((o) => o.department));
    const expected = new Set(label.inherited ?? []);
    inherited.correct += [...expected].filter((d) => flagged.has(d)).length;
    inherited.extra += [...flagged].filter((d) => !expected.has(d)).length;
    if (label.leader && fold(task.leader ?? '') === fold(label.leader)) leaders.correct++;
    else if (label.leader) problems.push(`${label.doc} ${label.where} «${label.anchor}»: leader ${task.leader ?? '(none)'} ≠ ${label.leader}`);
    const predSet = new Set(task.owners.map((o) => `${o.department}:${o.role}`));
    const predDepts = new Set(task.owners.map((o) => o.department));
    const hit = [...predSet].filter((p) => goldSet.has(p)).length;
    tp += hit;
    f.tp += hit;
    pred += predSet.size;
    f.pred += predSet.size;
    dtp += [...predDepts].filter((d) => goldDepts.has(d)).length;
    dpred += predDepts.size;
    const missing = [...goldSet].filter((g) => !predSet.has(g));
    const extra = [...predSet].filter((p) => !goldSet.has(p));
    if (missing.length || extra.length) {
      problems.push(`${label.doc} ${label.where} «${label.anchor}»: missing [${missing.join(' ')}] extra [${extra.join(' ')}]`);
    }
  }
  const goldDeptTotal = labels.reduce((n, l) => n + new Set(l.owners.map(([d]) => d)).size, 0);
  return {
    labels: labels.length,
    matched,
    precision: ratio(tp, pred),
    recall: ratio(tp, gold),
    departmentPrecision: ratio(dtp, dpred),
    departmentRecall: ratio(dtp, goldDeptTotal),
    byForm: Object.fromEntries([...forms].map(([k, v]) => [k, { labels: v.labels, precision: ratio(v.tp, v.pred), recall: ratio(v.tp, v.gold) }])),
    inherited,
    leaders,
    problems,
  };
}
