// Bundles the tsc output (dist/) for partner websites:
//   cdn/selbsthilfe-widgets.js      ES module, locales as lazy chunks beside it
//   cdn/selbsthilfe-widgets.umd.js  one classic script, every locale inlined
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const plugins = () => [
  nodeResolve({ exportConditions: ['production', 'default'] }),
  terser({ ecma: 2022, module: true, format: { comments: false }, compress: { passes: 2 } }),
];

const onwarn = (warning, warn) => {
  if (warning.code === 'CIRCULAR_DEPENDENCY') return;
  warn(warning);
};

export default [
  {
    input: 'dist/embed.js',
    output: {
      dir: 'cdn',
      format: 'es',
      entryFileNames: 'selbsthilfe-widgets.js',
      chunkFileNames: (chunk) => {
        const id = chunk.facadeModuleId ?? '';
        if (id.includes('/generated/locales/')) return 'locales/[name].js';
        if (id.includes('/feed/adapters/')) return 'feed-adapters-[hash].js';
        if (id.endsWith('/schedule/ics.js')) return 'calendar-export-[hash].js';
        return '[name]-[hash].js';
      },
      sourcemap: true,
    },
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
