/**
 * The API reads with a key that can only read: if the API process is ever
 * tricked into making a request of its choosing, the engine refuses writes,
 * deletes and key management. The master key is used only here, to create
 * that key, and by ingest.
 */
import type { Meilisearch } from 'meilisearch';
import { toMeiliError } from './errors.js';

/**
 * A fixed uid: Meilisearch derives a key's value from the master key and its
 * uid, so every start finds the same key instead of piling up new ones.
 */
export const API_READ_KEY_UID = '5b1d0f5e-7c3a-4e2b-9a41-0d6c2f8e9b17';

/** What the API does: search, read documents, index stats for /health. Nothing that writes. */
export const API_READ_ACTIONS = ['search', 'documents.get', 'indexes.get', 'stats.get'] as const;

/**
 * Returns the read-only key for the API, creating it on first use.
 * @param master a client holding the master key
 */
export async function ensureReadKey(master: Meilisearch): Promise<string> {
  try {
    try {
      const existing = await master.getKey(API_READ_KEY_UID);
      const same = [...existing.actions].sort().join() === [...API_READ_ACTIONS].sort().join();
      if (same) return existing.key;
      // The actions changed in a new version of the product: replace the key (its value stays the same).
      await master.deleteKey(API_READ_KEY_UID);
    } catch (err) {
      if ((err as { cause?: { code?: string } }).cause?.code !== 'api_key_not_found') throw err;
    }
    const created = await master.createKey({
      uid: API_READ_KEY_UID,
      name: 'policy-kb API (read-only)',
      description: 'Created by the policy knowledge base at start; the API reads with it.',
      actions: [...API_READ_ACTIONS],
      indexes: ['*'],
      expiresAt: null,
    });
    return created.key;
  } catch (err) {
    throw toMeiliError(err);
  }
}
