// `npm start`: builds the library, then serves the demo portal on the bundled
// sample feed, with the reference contact endpoint at /api/contact.
import { existsSync } from 'node:fs';
import { run } from './run.mjs';
import { startStaticServer } from '../server/static-server.mjs';

if (!process.argv.includes('--no-build')) {
  const code = await run(process.execPath, ['scripts/build.mjs']);
  if (code !== 0) process.exit(code);
}

const routes = {};
if (existsSync(new URL('../server/contact-endpoint.mjs', import.meta.url))) {
  const { createContactEndpoint } = await import('../server/contact-endpoint.mjs');
  routes['/api/contact'] = createContactEndpoint({ file: 'demo/.messages/messages.jsonl' }).handle;
}

const port = Number(process.env.PORT ?? 8080);
const { url } = await startStaticServer({ root: '.', port, routes }).catch(async (e) => {
  if (e.code !== 'EADDRINUSE') throw e;
  return startStaticServer({ root: '.', port: 0, routes });
});
console.log(`\nThe demo is running: ${url}demo/\n(Ctrl+C stops it.)`);
