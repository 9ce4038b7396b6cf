/**
 * The floor under the API's one-client latency: a Node HTTP server that does
 * nothing but forward each request to Meilisearch over a keep-alive undici
 * pool — as the API does — and answer Meilisearch's bytes unchanged. No
 * routing, validation, query planning, JSON parsing or page building.
 *
 * Any HTTP service in front of Meilisearch pays at least this much: a second
 * process woken twice per request, two more socket round trips. Measured in
 * the same run as the API, it separates what the machine charges for the hop
 * from what the API's own work costs (bench/README.md).
 *
 * `node --import tsx bench/proxy-floor.ts <meiliUrl>`; listens on a free
 * loopback port and prints `{"port": n}` once ready. The bench sends it the
 * very requests it sends straight to Meilisearch. It collects answers with
 * the API's own handler (meili/http-transport.ts).
 */
import http from 'node:http';
import { Pool } from 'undici';
import { bodyHandler } from '../meili/http-transport.js';

const [host] = process.argv.slice(2);
const pool = new Pool(new URL(host!).origin, { connections: 64 });

const server = http.createServer((req, res) => {
  const body: Buffer[] = [];
  req.on('data', (c: Buffer) => body.push(c));
  req.on('end', () => {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'accept-encoding': 'identity' };
    if (req.headers.authorization) headers.authorization = req.headers.authorization;
    pool.dispatch(
      { path: req.url!, method: req.method === 'POST' ? 'POST' : 'GET', headers, body: body.length ? Buffer.concat(body) : undefined },
      bodyHandler(
        (status, out) => {
          res.writeHead(status, { 'content-type': 'application/json', 'content-length': out.length });
          res.end(out);
        },
        (err) => {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(err.message);
        },
      ),
    );
  });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
});
process.on('SIGTERM', () => {
  server.close();
  void pool.destroy().then(() => process.exit(0));
});
