import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../core/config.js';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env, '/srv/app');
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the defaults with an empty environment', () => {
    expect(loadConfig({}, '/srv/app')).toEqual({
      PORT: 3000,
      HOST: '127.0.0.1',
      CORPUS_DIR: '/srv/app/corpus',
      DATA_DIR: '/srv/app/data',
      MEILI_HOST: undefined,
      MEILI_SHARD_HOSTS: [],
      MEILI_SHARDS: 1,
      MEILI_MASTER_KEY: undefined,
      MEILI_PORT: undefined,
      LOG_LEVEL: 'info',
      CORS_ORIGINS: '*',
      ADMIN_TOKEN: undefined,
      ADMIN_MAX_UPLOAD_BYTES: 20 * 1024 * 1024,
    });
  });

  it('reads MEILI_SHARDS for embedded shards, and a list of MEILI_HOST URLs as external shards', () => {
    expect(loadConfig({ MEILI_SHARDS: '3' })).toMatchObject({ MEILI_SHARDS: 3, MEILI_SHARD_HOSTS: [], MEILI_HOST: undefined });
    expect(loadConfig({ MEILI_HOST: 'http://a:7700, http://b:7700', MEILI_MASTER_KEY: 'k' })).toMatchObject({
      MEILI_HOST: 'http://a:7700',
      MEILI_SHARD_HOSTS: ['http://a:7700', 'http://b:7700'],
      MEILI_SHARDS: 2,
    });
    expect(() => loadConfig({ MEILI_SHARDS: '0' })).toThrow(/MEILI_SHARDS: must be a whole number from 1 to 8/);
    expect(() => loadConfig({ MEILI_SHARDS: '9' })).toThrow(/MEILI_SHARDS/);
    expect(() => loadConfig({ MEILI_HOST: 'http://a:7700,http://a:7700/' })).toThrow(/MEILI_HOST: names the same Meilisearch twice/);
    expect(() => loadConfig({ MEILI_HOST: 'http://a:7700,ftp://b' })).toThrow(/MEILI_HOST: must be an http/);
    expect(() => loadConfig({ MEILI_HOST: 'http://a:7700,http://b:7700', MEILI_SHARDS: '3' })).toThrow(/MEILI_SHARDS: is 3 but MEILI_HOST lists 2/);
  });

  it('takes an admin token of 16 characters or more, and never echoes a short one', () => {
    expect(loadConfig({ ADMIN_TOKEN: 'x'.repeat(32), ADMIN_MAX_UPLOAD_MB: '5' }, '/srv/app')).toMatchObject({ ADMIN_TOKEN: 'x'.repeat(32), ADMIN_MAX_UPLOAD_BYTES: 5 * 1024 * 1024 });
    expect(() => loadConfig({ ADMIN_TOKEN: 'short-secret' })).toThrow(/ADMIN_TOKEN: must be at least 16/);
    expect(() => loadConfig({ ADMIN_TOKEN: 'short-secret' })).not.toThrow(/short-secret/);
  });

  it('resolves relative directories against cwd and keeps absolute ones', () => {
    const c = loadConfig({ CORPUS_DIR: '../texts', DATA_DIR: '/var/lib/kb' }, '/srv/app');
    expect(c.CORPUS_DIR).toBe('/srv/texts');
    expect(c.DATA_DIR).toBe('/var/lib/kb');
  });

  it('defaults to process.cwd() for relative paths', () => {
    expect(loadConfig({}).CORPUS_DIR).toBe(`${process.cwd()}/corpus`);
  });

  it('lets two instances differ in PORT, DATA_DIR and CORPUS_DIR', () => {
    const a = loadConfig({ PORT: '3001', DATA_DIR: 'data-a', CORPUS_DIR: 'corpus-a' }, '/srv/app');
    const b = loadConfig({ PORT: '3002', DATA_DIR: 'data-b', CORPUS_DIR: 'corpus-b' }, '/srv/app');
    expect([a.PORT, a.DATA_DIR, a.CORPUS_DIR]).toEqual([3001, '/srv/app/data-a', '/srv/app/corpus-a']);
    expect([b.PORT, b.DATA_DIR, b.CORPUS_DIR]).toEqual([3002, '/srv/app/data-b', '/srv/app/corpus-b']);
  });

  it('treats blank values as unset', () => {
    const c = loadConfig({ PORT: '', HOST: '  ', MEILI_HOST: '', MEILI_MASTER_KEY: '', LOG_LEVEL: '' }, '/srv/app');
    expect(c.PORT).toBe(3000);
    expect(c.HOST).toBe('127.0.0.1');
    expect(c.MEILI_HOST).toBeUndefined();
    expect(c.MEILI_MASTER_KEY).toBeUndefined();
    expect(c.LOG_LEVEL).toBe('info');
  });

  it.each(['abc', '0', '65536', '3000.5', '-1', '30 00'])('rejects PORT=%j with a ConfigError naming PORT', (value) => {
    const err = configError({ PORT: value });
    expect(err.issues.map((i) => i.variable)).toEqual(['PORT']);
    expect(err.message).toContain('PORT');
    expect(err.message).toContain(JSON.stringify(value));
  });

  it('lists every bad variable at once', () => {
    const err = configError({ PORT: 'x', MEILI_PORT: '70000', LOG_LEVEL: 'loud' });
    expect(err.issues.map((i) => i.variable).sort()).toEqual(['LOG_LEVEL', 'MEILI_PORT', 'PORT']);
    expect(err.issues.find((i) => i.variable === 'LOG_LEVEL')?.message).toMatch(/one of .*info/);
  });

  it('accepts LOG_LEVEL in any case', () => {
    expect(loadConfig({ LOG_LEVEL: 'DEBUG' }).LOG_LEVEL).toBe('debug');
  });

  it('uses an external Meilisearch when MEILI_HOST is set', () => {
    const c = loadConfig({ MEILI_HOST: 'http://meilisearch:7700', MEILI_MASTER_KEY: 'k'.repeat(32) });
    expect([c.MEILI_HOST, c.MEILI_MASTER_KEY, c.MEILI_PORT]).toEqual(['http://meilisearch:7700', 'k'.repeat(32), undefined]);
    const open = loadConfig({ MEILI_HOST: 'https://search.example.org' });
    expect([open.MEILI_HOST, open.MEILI_MASTER_KEY]).toEqual(['https://search.example.org', undefined]);
  });

  it('passes MEILI_PORT to the embedded server', () => {
    const c = loadConfig({ MEILI_PORT: '7701' });
    expect([c.MEILI_HOST, c.MEILI_PORT]).toEqual([undefined, 7701]);
  });

  it.each(['meilisearch:7700', 'ftp://host', 'http://'])('rejects MEILI_HOST=%j', (value) => {
    expect(configError({ MEILI_HOST: value }).issues.map((i) => i.variable)).toEqual(['MEILI_HOST']);
  });

  it('rejects MEILI_PORT together with MEILI_HOST', () => {
    const err = configError({ MEILI_HOST: 'http://127.0.0.1:7700', MEILI_PORT: '7701' });
    expect(err.issues.map((i) => i.variable)).toEqual(['MEILI_PORT']);
  });

  it('rejects a master key without a host and never echoes the key', () => {
    const secret = 'super-secret-master-key-value';
    const err = configError({ MEILI_MASTER_KEY: secret, PORT: 'nope' });
    expect(err.issues.map((i) => i.variable).sort()).toEqual(['MEILI_MASTER_KEY', 'PORT']);
    expect(err.message).not.toContain(secret);
  });
});
