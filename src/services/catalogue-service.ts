import { z } from 'zod';
import { INDEX } from '../../core/index/index-names.js';
import { Limit, Offset, ShortText } from '../schemas/common.js';
import { and, eq } from './filter.js';
import type { IndexReader } from './index-reader.js';
import { documentPage } from './urls.js';

export const CatalogueQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Words of the title'),
  issuer: ShortText.optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  limit: Limit(200, 100),
  offset: Offset,
});
export type CatalogueQuery = z.infer<typeof CatalogueQuery>;

export const CatalogueEntryOut = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  date: z.string().optional(),
  year: z.number().int().optional(),
  issuer: z.string().optional(),
  /** The document in the corpus this entry lists, when it is there. */
  docId: z.string().optional(),
  /** That document's web page. */
  page: z.string().optional(),
});
export type CatalogueEntryOut = z.infer<typeof CatalogueEntryOut>;

export const CatalogueList = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  entries: z.array(CatalogueEntryOut),
});

/** The catalogue (附表) of related documents found in the corpus: listed in its own order, or searched by title. */
export function createCatalogueService(reader: IndexReader) {
  return {
    async list({ q, issuer, year, limit, offset }: CatalogueQuery): Promise<z.infer<typeof CatalogueList>> {
      const filter = and(issuer && eq('issuer', issuer), year !== undefined && eq('year', year));
      const res = await reader.search<CatalogueEntryOut>(INDEX.catalogue, q ?? '', {
        filter,
        limit,
        offset,
        sort: q ? undefined : ['number:asc'],
        attributesToRetrieve: ['id', 'number', 'title', 'date', 'year', 'issuer', 'docId'],
      });
      const entries = res.hits.map((e) => (e.docId ? { ...e, page: documentPage(e.docId) } : e));
      return { total: res.estimatedTotalHits ?? res.hits.length, limit, offset, entries };
    },
  };
}
export type CatalogueService = ReturnType<typeof createCatalogueService>;
