/**
 * The contracts between pipeline stages. Each stage is a plain function from
 * the previous stage's output to its own; only `read/` touches the disk and only
 * `meili/` touches the network.
 *
 *   file ──read──▶ SourceFile ──normalize──▶ NormalizedFile ──split──▶ DocumentSlice[]
 *        ──parse──▶ PolicyDocument ──merge──▶ PolicyDocument[] (one per logical document)
 *        ──enrich──▶ (data added to nodes) ──to-index──▶ index documents ──push──▶ Meilisearch
 */
import type { DocKind, DocumentMeta, PolicyDocument } from '../core/model/document.js';
import type { TextMessage } from '../core/model/messages.js';

/** A file as read from disk and decoded to a string; `text` is the original wording. */
export interface SourceFile {
  /** Path relative to the corpus directory (or as given on the command line). */
  path: string;
  format: 'txt' | 'md' | 'pdf';
  /** The encoding it was decoded from: 'utf-8', 'utf-16le', 'utf-16be', 'gb18030', or 'pdf'. */
  encoding: string;
  text: string;
  /** sha256 of the bytes, for the corpus content hash and document sources. */
  sha256: string;
}

export type ReadResult = { ok: true; file: SourceFile } | { ok: false; path: string; message: TextMessage };

/**
 * Maps offsets in normalized text back to the original. Stored as two sorted,
 * equal-length arrays of anchor points (normalized offset → original offset);
 * between anchors offsets advance one to one. Plain arrays so it serializes.
 */
export interface OffsetMap {
  norm: number[];
  orig: number[];
}

export interface NormalizedFile {
  source: SourceFile;
  /** Normalized text of the whole file. */
  text: string;
  map: OffsetMap;
  /** How many extraction artifacts were repaired (rejoined lines, dropped page numbers, folded widths…). */
  artifacts: number;
  /**
   * Sorted offsets in `text` of each repaired artifact (artifacts === length), so a
   * part of the file can be scored on its own: `countArtifacts(file, start, end)`.
   */
  artifactOffsets?: number[];
  messages: TextMessage[];
}

/** One document found in a file: where it is and what the text says about it. */
export interface DocumentSlice {
  title: string;
  kind: DocKind;
  issuer?: string;
  date?: string;
  docNumber?: string;
  version?: string;
  /** Offsets of the document's body in the normalized file text (title lines included). */
  start: number;
  end: number;
  /** Slice of the normalized file text, [start, end). */
  text: string;
  /** The file it came from (for offsets back to the original). */
  file: NormalizedFile;
  /** Index of the slice within its file, used to link slices before ids exist. */
  index: number;
  /** Index of the notice slice that issues this one, when this is an attachment. */
  attachmentOf?: number;
  /** Index of the compilation slice this one was found in. */
  partOf?: number;
  messages: TextMessage[];
}

export type { DocumentMeta, PolicyDocument };
