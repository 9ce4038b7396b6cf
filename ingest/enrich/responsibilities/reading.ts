/**
 * One document's reading, as the steps of the extractor share it (units.ts reads a unit's notes, walk.ts walks the
 * tree): the document's level, the owners handed down, the last unit read (for a note standing apart from its task
 * or cut by a page break), and `emit`, which turns a draft into a task.
 */
import { issuingLevel, type DepartmentRegistry, type IssuingLevel, type Level } from '../../../core/departments/index.js';
import type { PolicyDocument } from '../../../core/model/document.js';
import { textMessage, type TextMessage } from '../../../core/model/messages.js';
import type { PolicyNode } from '../../../core/model/tree.js';
import type { Owner } from '../../../core/index/schemas.js';
import type { Task, TaskForm } from '../../../core/model/task.js';
import { taskId } from '../../../core/ids/ids.js';
import type { OwnerNote, ParsedNote, WrittenOwner } from './notes.js';
import { documentLevel, resolveOwners } from './owners.js';
import { extractYears } from './years.js';

/** Fragments that are generic words, not a lost body (等, 按职责): no partial-note warning for them. */
export const GENERIC_WORDS = /^(等|各自|按职责|按职责分工|按要求|分别|共同|有关|相关|其他|其它)$/;

/** A task as read, before its owners are resolved. */
export interface Draft {
  node: PolicyNode;
  /** Other nodes carrying part of the task (continuation rows). */
  alsoOn?: PolicyNode[];
  title?: string;
  text: string;
  owners: WrittenOwner[];
  rejected?: string[];
  leaders?: string[];
  form: TaskForm;
  years?: number[];
  deadlines?: string[];
}

/** The last unit read, for notes that stand apart from their task or were cut by a page break. */
export interface LastUnit {
  node: PolicyNode;
  text: string;
  /** Where the text not yet covered by a note starts. */
  consumed: number;
  /** Start of a parenthesis the text ends inside (a note the next unit may finish). */
  openAt?: number;
  /** That parenthesis already reads as a note (it labels or closes roles). */
  openNote?: OwnerNote;
}

/** What the steps share while one document is read. */
export interface Reading {
  doc: PolicyDocument;
  registry: DepartmentRegistry;
  /** The level of the bodies the document addresses (documentLevel). */
  prefer: Level;
  /** The issuing body's own level: a bare department word in a 自治区 or city document is that body's. */
  issuing: IssuingLevel | undefined;
  tasks: Task[];
  messages: TextMessage[];
  /** Owners handed down to later tasks (以下任务均需…, …下同), innermost scope last. */
  handedDown: Array<{ owners: WrittenOwner[]; toNoteless: boolean }>;
  /** Owners a 下同 note just handed down, picked up by the loop over its siblings. */
  lastHandsDown?: WrittenOwner[];
  /** The last unit read. */
  last?: LastUnit;
  /** Where the loop over a container's children resumes after a child that took its sibling paragraphs as duties. */
  skipTo?: number;
  /** Tasks emitted per node (a task id's ordinal). */
  perNode: Map<string, number>;
  /** Bodies not in the registry, for one message each per document. */
  unknown: Map<string, { count: number; node: PolicyNode }>;
  /** Where a node stands in its source file, for messages. */
  where: (node: PolicyNode) => { path?: string; offset?: number };
  /** A node's title: its heading, or (an unnumbered paragraph) the heading it stands under. */
  titleOf: (node: PolicyNode) => string | undefined;
}

export function startReading(doc: PolicyDocument, registry: DepartmentRegistry, tasks: Task[], messages: TextMessage[]): Reading {
  const prefer = documentLevel(doc, registry);
  // A title the splitter missed still stands first in the text.
  const issuing = issuingLevel(doc) ?? issuingLevel({ title: firstLine(doc.root) });
  const docPath = doc.sources.find((s) => s.chosen)?.path ?? doc.sources[0]?.path;
  const where = (node: PolicyNode) => {
    const src = node.data?.source;
    const path = src?.path ?? docPath;
    return { ...(path ? { path } : {}), ...(src ? { offset: src.start } : {}) };
  };
  // An unnumbered paragraph takes its title from the heading it stands under.
  const parentOf = new Map<string, PolicyNode>();
  const index = (n: PolicyNode) => n.children.forEach((c) => (parentOf.set(c.id, n), index(c)));
  index(doc.root);
  const titleOf = (node: PolicyNode): string | undefined => {
    if (node.heading) return node.heading;
    const parent = parentOf.get(node.id);
    return node.kind === 'block' && parent?.kind === 'heading' ? parent.heading : undefined;
  };
  return { doc, registry, prefer, issuing, tasks, messages, handedDown: [], perNode: new Map(), unknown: new Map(), where, titleOf };
}

/** The text of the first node with text: the title line, when the splitter did not take it as one. */
function firstLine(root: PolicyNode): string {
  const stack = [...root.children];
  while (stack.length) {
    const n = stack.shift()!;
    if (n.text.trim()) return n.text.trim().split('\n')[0]!;
    stack.unshift(...n.children);
  }
  return '';
}

/** Turns a draft into a task: owners resolved (with those handed down), messages for what was left, the clause annotated. */
export function emit(r: Reading, d: Draft): void {
  for (const fragment of d.rejected ?? []) {
    r.messages.push(textMessage('info', 'owners/not-a-body', `Not a department, left out of the owners of ${d.node.id}: ${fragment}`, r.where(d.node)));
  }
  // A note read in part: the task keeps what was read; the document says what was left.
  const left = (d.rejected ?? []).filter((fragment) => !GENERIC_WORDS.test(fragment));
  if (left.length && d.owners.length) {
    r.messages.push(textMessage('warning', 'owners/partial-note', `Owner note of ${d.node.citation} read in part; left unread: ${left.join('、')}`, r.where(d.node)));
  }
  const inherited = r.handedDown.flatMap((h) => (h.toNoteless && d.owners.length ? [] : h.owners));
  const owners = resolveOwners([...d.owners, ...inherited], r.registry, r.prefer, r.issuing);
  if (owners.length === 0) {
    r.messages.push(textMessage('warning', 'owners/missing-department', `A task without a department: ${d.node.citation}`, r.where(d.node)));
    return;
  }
  for (const o of owners) {
    if (o.known) continue;
    const u = r.unknown.get(o.department) ?? { count: 0, node: d.node };
    u.count++;
    r.unknown.set(o.department, u);
  }
  const n = (r.perNode.get(d.node.id) ?? 0) + 1;
  r.perNode.set(d.node.id, n);
  const named = extractYears(d.text);
  const task: Task = {
    id: taskId(d.node.id, n),
    docId: r.doc.id,
    docTitle: r.doc.title,
    clauseId: d.node.id,
    citation: d.node.citation,
    ...((d.title ?? r.titleOf(d.node)) ? { title: (d.title ?? r.titleOf(d.node))! } : {}),
    text: d.text,
    owners,
    ...(d.leaders?.length ? { leader: [...new Set(d.leaders)].join('、') } : {}),
    years: d.years ?? named.years,
    deadlines: d.deadlines ?? named.deadlines,
    form: d.form,
  };
  r.tasks.push(task);
  for (const node of [d.node, ...(d.alsoOn ?? [])]) {
    const data = (node.data ??= {});
    data.owners = addUnique((data.owners as Owner[] | undefined) ?? [], owners, (o) => `${o.department}:${o.role}`);
    data.taskIds = addUnique((data.taskIds as string[] | undefined) ?? [], [task.id], (s) => s);
    if (task.years.length) data.years = addUnique((data.years as number[] | undefined) ?? [], task.years, String).sort((a, b) => a - b);
  }
}

/** A draft's owners, fragments and leaders from the notes read for it; a 下同 note hands its owners down. */
export function fromNotes(r: Reading, parsed: ParsedNote[]): Pick<Draft, 'owners' | 'rejected' | 'leaders'> {
  const owners = parsed.flatMap((p) => p.owners);
  const handing = parsed.filter((p) => p.handsDown);
  if (handing.length) r.lastHandsDown = handing.flatMap((p) => p.handDown ?? p.owners).map((o) => ({ ...o, inherited: true }));
  return { owners, rejected: parsed.flatMap((p) => p.rejected), leaders: parsed.flatMap((p) => p.leaders) };
}

/** Removes a node's own numbering label from the start of its words. */
export function stripLabel(node: PolicyNode, words: string): string {
  const t = words.trimStart();
  return node.label && t.startsWith(node.label) ? t.slice(node.label.length).trimStart() : t;
}

/** One message per body not in the registry, with how often the document names it. */
export function reportUnknown(r: Reading): void {
  for (const [name, u] of r.unknown) {
    r.messages.push(
      textMessage('warning', 'owners/unknown-department', `Department not in the registry, kept as written (${u.count}x in ${r.doc.id}): ${name}`, r.where(u.node), {
        department: name,
        count: u.count,
        docId: r.doc.id,
      }),
    );
  }
}

function addUnique<T>(list: T[], items: T[], key: (t: T) => string): T[] {
  const seen = new Set(list.map(key));
  for (const it of items) if (!seen.has(key(it))) (seen.add(key(it)), list.push(it));
  return list;
}
