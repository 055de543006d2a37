// Serves a folder on localhost: node scripts/serve.mjs <dir> [port]. Used by npm start and the browser tests.
// sirv sets the right MIME types (application/wasm for streaming compilation) and never lists directories.
import http from 'node:http';
import sirv from 'sirv';

export function serve(dir, port = 0) {
  const handler = sirv(dir, { dev: true, etag: true });
  const server = http.createServer((request, response) =>
    handler(request, response, () => {
      response.statusCode = 404;
      response.end('not found');
    }),
  );
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const server = await serve(dir, Number(port));
  console.log(`Collapse Lab: http://localhost:${server.address().port}/  (Ctrl+C to stop)`);
}
