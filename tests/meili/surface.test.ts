import { describe, expect, it } from 'vitest';

/** Pins the public surface others build on: a removal or rename must be a deliberate change here. */
describe('public surface', () => {
  it('meili/index.ts', async () => {
    expect(Object.keys(await import('../../meili/index.js')).sort()).toEqual([
      'MEILI_BINARY_PACKAGE',
      'MeiliBinaryError',
      'MeiliRequestError',
      'MeiliStartError',
      'MeiliTaskFailedError',
      'MeiliTimeoutError',
      'MeiliUnavailableError',
      'PINNED_MEILI_SHA256',
      'PINNED_MEILI_VERSION',
      'assertSupportedPlatform',
      'createMeiliClient',
      'findFreePort',
      'isProcessAlive',
      'locateMeiliBinary',
      'prepareMeiliBinary',
      'sha256OfFile',
      'startEmbeddedMeili',
      'stopOnSignals',
      'toMeiliError',
      'verifyMeiliBinary',
    ]);
  });

  it('core/config.ts', async () => {
    expect(Object.keys(await import('../../core/config.js')).sort()).toEqual([
      'Config',
      'ConfigError',
      'LogLevel',
      'MAX_SHARDS',
      'loadConfig',
    ]);
  });

  it('tests/helpers/meili.ts', async () => {
    expect(Object.keys(await import('../helpers/meili.js')).sort()).toEqual(['startTestMeili']);
  });
});
