// Bundles every island (each src/main/frontend/*.js file is one entry point) with esbuild into
// target/classes/static/js/<name>.js, then copies the style sheets and fonts the islands need.
// Adding an island is adding a file here; package.json stays as it is.
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const portal = resolve(here, '..', '..', '..');
const entryPoints = readdirSync(here)
  .filter((name) => name.endsWith('.js'))
  .map((name) => join(here, name));

await build({
  entryPoints,
  bundle: true,
  format: 'iife',
  minify: true,
  target: 'es2019',
  outdir: join(portal, 'target', 'classes', 'static', 'js'),
  logLevel: 'warning',
});

await import('./copy-assets.mjs');
