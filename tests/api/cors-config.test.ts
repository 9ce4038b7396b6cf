import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../core/config.js';

describe('CORS_ORIGINS', () => {
  it('defaults to any origin; "none" allows none; a list is normalized as browsers send origins', () => {
    expect(loadConfig({}).CORS_ORIGINS).toBe('*');
    expect(loadConfig({ CORS_ORIGINS: ' * ' }).CORS_ORIGINS).toBe('*');
    expect(loadConfig({ CORS_ORIGINS: 'none' }).CORS_ORIGINS).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://OA.example.gov.cn/, http://127.0.0.1:8080' }).CORS_ORIGINS).toEqual([
      'https://oa.example.gov.cn',
      'http://127.0.0.1:8080',
    ]);
  });

  it('refuses a value that is not an origin, naming the variable', () => {
    for (const bad of ['oa.example.gov.cn', 'https://oa.example.gov.cn/path', 'ftp://x.org']) {
      try {
        loadConfig({ CORS_ORIGINS: bad });
        expect.unreachable(bad);
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        expect((err as ConfigError).issues[0]?.variable).toBe('CORS_ORIGINS');
      }
    }
  });
});
