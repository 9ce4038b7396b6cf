import { z } from 'zod';

/** Meilisearch document ids: what our ids are made of. Anything else cannot exist, so it is a 400, not a 404. */
export const Id = z
  .string()
  .min(1)
  .max(400)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids contain only letters, digits, - and _');

export const Limit = (max: number, dflt = 20) => z.coerce.number().int().min(1).max(max).default(dflt);
export const Offset = z.coerce.number().int().min(0).max(100_000).default(0);

/** A short free-text parameter (a name, an issuer): bounded so filters stay small. */
export const ShortText = z.string().trim().min(1).max(100);

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
