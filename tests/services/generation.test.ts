import { describe, expect, it } from 'vitest';
import { latestPerGeneration, memoize, perGeneration } from '../../src/services/generation.js';

/** A generation the test moves by hand, counting how often it was read. */
function handGeneration(initial: string | undefined) {
  const state = { value: initial, reads: 0 };
  return { state, read: async () => (state.reads++, state.value) };
}

describe('perGeneration: one build per index generation', () => {
  it('builds once while the generation stays, again when it changes', async () => {
    const g = handGeneration('g1');
    const builds: string[] = [];
    const get = perGeneration(g.read, async (gen) => (builds.push(gen), `built for ${gen}`));
    expect(await Promise.all([get(), get(), get()])).toEqual(['built for g1', 'built for g1', 'built for g1']);
    expect(builds).toEqual(['g1']);
    g.state.value = 'g2';
    expect(await get()).toBe('built for g2');
    expect(builds).toEqual(['g1', 'g2']);
  });

  it('does not keep a failed build: the next call builds again', async () => {
    const g = handGeneration('g1');
    let attempt = 0;
    const get = perGeneration(g.read, async () => {
      attempt++;
      if (attempt === 1) throw new Error('engine down');
      return attempt;
    });
    await expect(get()).rejects.toThrow('engine down');
    expect(await get()).toBe(2);
  });

  it('answers INDEX_NOT_READY while no ingest has finished', async () => {
    const get = perGeneration(handGeneration(undefined).read, async () => 1);
    await expect(get()).rejects.toMatchObject({ code: 'INDEX_NOT_READY' });
  });
});

describe('latestPerGeneration: the request path never waits for a staleness check', () => {
  it('serves the current value and picks up a new generation in the background after recheckMs', async () => {
    const g = handGeneration('g1');
    let clock = 0;
    const get = latestPerGeneration(g.read, async (gen) => gen.toUpperCase(), { fallback: 'none', recheckMs: 100, now: () => clock });
    expect(await get()).toBe('G1');
    g.state.value = 'g2';
    clock = 50;
    expect(await get()).toBe('G1'); // not rechecked yet
    const readsBefore = g.state.reads;
    clock = 200;
    expect(await get()).toBe('G1'); // recheck started, answer not delayed
    expect(g.state.reads).toBe(readsBefore + 1);
    await new Promise((r) => setTimeout(r, 0));
    expect(await get()).toBe('G2');
  });

  it('gives the fallback while there is no index', async () => {
    const get = latestPerGeneration(handGeneration(undefined).read, async () => 'x', { fallback: 'none' });
    expect(await get()).toBe('none');
  });
});

describe('memoize', () => {
  it('shares one pending read among concurrent callers', async () => {
    let reads = 0;
    const read = memoize(async () => ++reads, 0);
    expect(await Promise.all([read(), read(), read()])).toEqual([1, 1, 1]);
    expect(await read()).toBe(2);
  });
});
