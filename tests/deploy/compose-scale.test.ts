import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * A smoke test of the scale profile of docker-compose.yml. `docker compose
 * config` is not available where the tests run (checked: `docker compose`
 * is an unknown command here), so the file is parsed and its wiring checked:
 * two shards, a one-off ingest before any replica, two replicas with the same
 * shard list, the official nginx in front with both upstreams. When the
 * compose plugin exists, `docker compose config` must accept the file too.
 */
const file = new URL('../../docker-compose.yml', import.meta.url);
const compose = parse(readFileSync(file, 'utf8'), { merge: true }) as { services: Record<string, any>; volumes: Record<string, unknown> };
const s = compose.services;
const scale = Object.entries(s).filter(([, v]) => v.profiles?.includes('scale')).map(([k]) => k).sort();

describe('docker compose --profile scale', () => {
  it('adds two shards, an ingest, two API replicas and a proxy, and leaves the single-instance services as they were', () => {
    expect(scale).toEqual(['api-1', 'api-2', 'ingest', 'meili-shard-0', 'meili-shard-1', 'proxy']);
    expect(s.meilisearch.profiles).toBeUndefined();
    expect(s.api.profiles).toBeUndefined();
    expect(s.api.environment.MEILI_HOST).toBe('http://meilisearch:7700');
  });

  it('runs the official Meilisearch image on each shard, each with its own volume', () => {
    for (const name of ['meili-shard-0', 'meili-shard-1']) expect(s[name].image).toBe(s.meilisearch.image);
    const vols = ['meili-shard-0', 'meili-shard-1'].map((n) => String(s[n].volumes[0]).split(':')[0]);
    expect(new Set(vols).size).toBe(2);
    for (const v of vols) expect(compose.volumes).toHaveProperty(v!);
  });

  it('gives the ingest and both replicas the same shard list, home first, and the same key', () => {
    const hosts = ['ingest', 'api-1', 'api-2'].map((n) => s[n].environment.MEILI_HOST);
    expect(new Set(hosts).size).toBe(1);
    expect(hosts[0]).toBe('http://meili-shard-0:7700,http://meili-shard-1:7700');
    for (const n of ['ingest', 'api-1', 'api-2']) expect(s[n].environment.MEILI_MASTER_KEY).toMatch(/MEILI_MASTER_KEY/);
  });

  it('ingests once before any replica starts, and starts the second replica after the first is healthy', () => {
    expect(s.ingest.depends_on['meili-shard-0'].condition).toBe('service_healthy');
    expect(s.ingest.depends_on['meili-shard-1'].condition).toBe('service_healthy');
    expect(s['api-1'].depends_on.ingest.condition).toBe('service_completed_successfully');
    expect(s['api-2'].depends_on['api-1'].condition).toBe('service_healthy');
    expect(s['api-1'].healthcheck.test.join(' ')).toContain('/health');
  });

  it('puts the official nginx image in front of both replicas, published on loopback only', () => {
    expect(s.proxy.image).toMatch(/^nginx:\d/);
    expect(s.proxy.ports).toEqual(['127.0.0.1:${PROXY_PUBLISHED_PORT:-8080}:80']);
    for (const n of ['api-1', 'api-2', 'ingest', 'meili-shard-0', 'meili-shard-1']) expect(s[n].ports).toBeUndefined();
    const conf = readFileSync(new URL('../../deploy/nginx.conf', import.meta.url), 'utf8');
    expect(conf).toMatch(/server api-1:3000/);
    expect(conf).toMatch(/server api-2:3000/);
    expect(String(s.proxy.volumes[0])).toMatch(/^\.\/deploy\/nginx\.conf:\/etc\/nginx\/conf\.d\/default\.conf/);
  });

  it('is accepted by `docker compose config` where the compose plugin exists', () => {
    let hasCompose = true;
    try {
      execFileSync('docker', ['compose', 'version'], { stdio: 'ignore' });
    } catch {
      hasCompose = false;
    }
    if (!hasCompose) return;
    const out = execFileSync('docker', ['compose', '-f', file.pathname, '--profile', 'scale', 'config', '--services'], {
      env: { ...process.env, MEILI_MASTER_KEY: 'x'.repeat(32) },
      encoding: 'utf8',
    });
    expect(out.split('\n').filter(Boolean).sort()).toEqual(['api', 'meilisearch', ...scale].sort());
  });
});
