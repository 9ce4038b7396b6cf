/**
 * The Meilisearch indexes the product serves from. Ingest builds each into a
 * fresh `<name>__build_<stamp>` index and swaps all of them in one task, so a
 * reader never sees a half-built index.
 */
export const INDEX = {
  /** Every node of every clause tree (one Meilisearch document per node). */
  clauses: 'clauses',
  /** One per logical document: metadata and outline. */
  documents: 'documents',
  /** Responsibility tasks: a span of text with its owning departments. */
  tasks: 'tasks',
  /** The department registry with task counts. */
  departments: 'departments',
  /** Cross-document references, one per citation occurrence. */
  references: 'references',
  /** Quantitative targets (指标), one per number a document commits to. */
  targets: 'targets',
  /** Indicator groups, each with its series of targets across documents. */
  indicators: 'indicators',
  /** Entries of the catalogue (附表) of documents. */
  catalogue: 'catalogue',
  /** One document `{ id: 'corpus', corpusHash, ingestedAt, counts }` — what the index was built from. */
  meta: 'meta',
} as const;

export type IndexName = (typeof INDEX)[keyof typeof INDEX];
export const ALL_INDEXES: IndexName[] = Object.values(INDEX);
