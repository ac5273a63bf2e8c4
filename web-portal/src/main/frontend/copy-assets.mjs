// Copies the style sheets the islands need — bpmn-js (viewer and modeler) into
// target/classes/static/css/bpmn/, dmn-js (decision table editor) into target/classes/static/css/dmn/ —
// together with every local file they reference through url(...) (fonts, images), keeping the
// relative paths, so the pages serve them from their own origin (CSP: style-src/font-src 'self').
// No dependencies beyond node itself.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const portal = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const bundles = [
  {
    source: join(portal, 'node_modules', 'bpmn-js', 'dist', 'assets'),
    target: join(portal, 'target', 'classes', 'static', 'css', 'bpmn'),
    sheets: ['diagram-js.css', 'bpmn-js.css', 'bpmn-font/css/bpmn.css'],
  },
  {
    source: join(portal, 'node_modules', 'dmn-js', 'dist', 'assets'),
    target: join(portal, 'target', 'classes', 'static', 'css', 'dmn'),
    sheets: [
      'dmn-js-shared.css',
      'dmn-js-decision-table.css',
      'dmn-js-decision-table-controls.css',
      'dmn-font/css/dmn.css',
    ],
  },
];

function copy(source, target, rel) {
  const from = join(source, rel);
  const to = join(target, rel);
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  return from;
}

/** The local files a style sheet references (not data: or remote URLs), relative to `source`. */
function referenced(source, sheetRel) {
  const css = readFileSync(join(source, sheetRel), 'utf8');
  const out = new Set();
  for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
    const url = m[2].trim();
    if (/^(data:|[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url)) {
      continue;
    }
    const path = url.replace(/[?#].*$/, '');
    const rel = normalize(join(dirname(sheetRel), path));
    if (rel.startsWith('..' + sep) || rel === '..') {
      throw new Error(`${sheetRel} references ${url} outside ${source}`);
    }
    out.add(rel);
  }
  return out;
}

for (const { source, target, sheets } of bundles) {
  const files = new Set();
  for (const sheet of sheets) {
    files.add(sheet);
    referenced(source, sheet).forEach((f) => files.add(f));
  }
  for (const f of files) {
    copy(source, target, f);
  }
  console.log(`copied ${[...files].join(', ')} to ${relative(portal, target)}`);
}

// The font of the PDF reply letters (Noto Serif SC, SIL Open Font License 1.1: embedding allowed),
// TrueType outlines that PDFBox subsets into each letter, to target/classes/letters/fonts/ with its
// licence. The letters never use a font of the machine they are made on.
const letterFonts = join(portal, 'node_modules', '@expo-google-fonts', 'noto-serif-sc');
const letterTarget = join(portal, 'target', 'classes', 'letters', 'fonts');
mkdirSync(letterTarget, { recursive: true });
for (const [from, to] of [
  ['400Regular/NotoSerifSC_400Regular.ttf', 'NotoSerifSC-Regular.ttf'],
  ['700Bold/NotoSerifSC_700Bold.ttf', 'NotoSerifSC-Bold.ttf'],
  ['LICENSE_FONT', 'OFL.txt'],
]) {
  copyFileSync(join(letterFonts, from), join(letterTarget, to));
}
console.log(`copied the letter fonts to ${relative(portal, letterTarget)}`);
