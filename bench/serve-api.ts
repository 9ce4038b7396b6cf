/**
 * The API for benchmarks, in its own process (so the load generator does not
 * share its event loop): `node --import tsx bench/serve-api.ts <meiliUrl> <key>`.
 * Listens on a free loopback port and prints `{"port": n}` once ready.
 */
import { buildApp } from '../src/app.js';

const [host, apiKey] = process.argv.slice(2);
const app = await buildApp({ meili: { host: host!, apiKey } });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
