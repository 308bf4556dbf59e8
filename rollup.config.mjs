// Bundles the tsc output (dist/) for partner websites:
//   cdn/selbsthilfe-widgets.js      ES module, locales as lazy chunks beside it
//   cdn/selbsthilfe-widgets.umd.js  one classic script, every locale inlined
//   cdn/elements/<element>.js       one element per entry, for pages that use only that one
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { minifyTemplates } from './scripts/rollup/minify-templates.mjs';
import { pluralCategories } from './scripts/rollup/plural-categories.mjs';
import { shortMessageIds } from './scripts/rollup/short-message-ids.mjs';

const plugins = () => [
  nodeResolve({ exportConditions: ['production', 'default'] }),
  // Size only: the bundle behaves the same (see each plugin's header).
  // pluralCategories reads the ids as written: it must run before shortMessageIds renames them.
  pluralCategories({ localesDir: 'dist/generated/locales', pluralModule: 'dist/internal/plural.js' }),
  shortMessageIds({ localesDir: 'dist/generated/locales' }),
  minifyTemplates(),
  // passes: 3 saves about 0.3 KB gzip over 2 (4 adds nothing). Measured and left out:
  // unsafe_arrows, unsafe_methods, unsafe, keep_fargs (no gain); pure_getters, unsafe_math,
  // unsafe_comps, booleans_as_integers (under 0.1 KB, and not safe: Lit's reactive properties
  // and DOM reads are getters with effects; NaN and `=== true` semantics). Property mangling
  // would break the names __decorate() passes as strings.
  // The preamble is V8's explicit compile hint (Chromium 136+; a plain comment elsewhere):
  // compile every function while the file streams in, not lazily at its first call. Most of
  // a chunk runs at once (the elements on the page) or was loaded to run. Three A/B runs at
  // 250 groups, feed response → first results: 132 → 121, 116 → 118 and (30 runs each)
  // 141 → 121 ms; navigation → first results 260 → 240 and 258 → 243 ms.
  terser({ ecma: 2022, module: true, format: { comments: false, preamble: '//# allFunctionsCalledOnLoad' }, compress: { passes: 3 } }),
];

const onwarn = (warning, warn) => {
  if (warning.code === 'CIRCULAR_DEPENDENCY') return;
  warn(warning);
};

const chunkFileNames = (chunk) => {
  const id = chunk.facadeModuleId ?? '';
  // Hashed like every chunk: a browser must never pair a cached translation with newer code
  // (messages are looked up by position, see scripts/rollup/short-message-ids.mjs).
  if (id.includes('/generated/locales/')) return 'locales/[name]-[hash].js';
  if (id.includes('/feed/adapters/')) return 'feed-adapters-[hash].js';
  if (id.endsWith('/schedule/ics.js')) return 'calendar-export-[hash].js';
  return '[name]-[hash].js';
};

export default [
  {
    input: 'dist/embed.js',
    output: { dir: 'cdn', format: 'es', entryFileNames: 'selbsthilfe-widgets.js', chunkFileNames, sourcemap: true },
    plugins: plugins(),
    onwarn,
  },
  // One entry per element for pages that use only one or two (cdn/elements/office-card.js, …).
  // A build of its own, so the all-in-one entry above keeps its shape (the entry file and one
  // hashed chunk, which on-demand parts import: a cached part always meets the code it was
  // built with); the four share their chunks, so two of them on one page still share one copy
  // of Lit and one feed request.
  {
    input: Object.fromEntries(['group-finder', 'topic-list', 'office-card', 'contact-form'].map((name) => [name, `dist/define/${name}.js`])),
    // Code shared by several of the four is in shared-*.js, whatever module rollup would name it after.
    output: { dir: 'cdn/elements', format: 'es', entryFileNames: '[name].js', chunkFileNames: (chunk) => (chunk.isDynamicEntry ? chunkFileNames(chunk) : 'shared-[hash].js'), sourcemap: true },
    plugins: plugins(),
    onwarn,
  },
  {
    input: 'dist/embed.js',
    output: {
      file: 'cdn/selbsthilfe-widgets.umd.js',
      format: 'umd',
      name: 'SelbsthilfeWidgets',
      inlineDynamicImports: true,
      sourcemap: true,
    },
    plugins: plugins(),
    onwarn,
  },
];
