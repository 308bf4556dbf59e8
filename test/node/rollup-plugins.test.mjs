// The size-only rollup plugins of scripts/rollup/: they must not change what the bundle does.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rollup } from 'rollup';
import { shortMessageIds } from '../../scripts/rollup/short-message-ids.mjs';
import { minifyCss, minifyHtml, minifyTemplates } from '../../scripts/rollup/minify-templates.mjs';
import { splice } from '../../scripts/rollup/splice.mjs';
import { decodeMappings } from '../../scripts/rollup/decode-mappings.mjs';
import { pluralCategories, reachableCategories, unreachableIds } from '../../scripts/rollup/plural-categories.mjs';

/** The `templates` a bundled locale module exports (`str` joins its strings with |). */
const evalTemplates = (code) =>
  new Function(
    code
      .replace(/^import .*$/m, 'const str = (s) => s.raw.join("|");')
      .replace(/^export const (\w+)/m, 'const $1')
      .replace(/^export \{ (\w+)(?: as templates)? \};$/m, 'return $1;'),
  )();

describe('short message ids', () => {
  let dir;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'shg-ids-'));
    mkdirSync(join(dir, 'locales'));
    const locale = (lang, entries) => writeFileSync(join(dir, `locales/${lang}.js`), `import { str } from '@lit/localize';\nexport const templates = {\n${entries}};\n`);
    // A text-derived id: the runtime hashes the text, so de keeps an object.
    locale('de', "  'b.two': `Zwei`,\n  'a.one': str `Eins ${0}`,\n  's0123456789abcdef': `ohne id`,\n");
    // Sorted as lit-localize writes them, without b.two: an array with a hole.
    locale('ru', "  'a.one': str `Odin ${0}`,\n  'c.three': `Tri`,\n");
    // Not sorted: an array written out anew.
    locale('tr', "  'c.three': `Üç`,\n  'a.one': `Bir`,\n  'b.two': `İki`\n");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const build = async (main) => {
    writeFileSync(join(dir, 'main.js'), main);
    const bundle = await rollup({
      input: join(dir, 'main.js'),
      external: ['@lit/localize'],
      plugins: [shortMessageIds({ localesDir: join(dir, 'locales') })],
      onwarn: () => {},
    });
    const { output } = await bundle.generate({ format: 'es', sourcemap: true });
    return Object.fromEntries(output.filter((o) => o.type === 'chunk').map((o) => [o.fileName.replace(/[-.].*/, ''), o.code]));
  };
  const MAIN =
    "import { msg, str } from '@lit/localize';\n" +
    "export const one = (n) => msg(str`One ${n}`, { id: 'a.one', desc: 'a number' });\n" +
    "export const two = () => msg('Two', { desc: 'first', id: 'b.two' });\n" +
    "export const three = () => msg('Three', { id: 'c.three' });\n" +
    "export const text = () => msg('Text');\n" +
    "export const four = () => msg('Four', { id: 'new.untranslated' });\n" +
    "export const locales = [import('./locales/de.js'), import('./locales/ru.js'), import('./locales/tr.js')];\n";

  it('numbers ids alike in msg() and the locales, drops desc, leaves text-derived ids', async () => {
    const files = await build(MAIN);
    assert.match(files.main, /msg\(str`One \$\{n\}`, \{ id: 0 \}\)/);
    assert.match(files.main, /msg\('Two', \{ id: 1 \}\)/);
    assert.match(files.main, /msg\('Three', \{ id: 2 \}\)/);
    assert.match(files.main, /msg\('Text'\)/);
    assert.match(files.main, /id: 'new\.untranslated'/);
    assert.doesNotMatch(files.main, /desc/);
    assert.match(files.de, /templates = \{\n {2}1: `Zwei`,\n {2}0: str `Eins \$\{0\}`,\n {2}'s0123456789abcdef': `ohne id`,\n\}/);
    assert.match(files.ru, /templates = \[\n {2}str `Odin \$\{0\}`,\n {2},`Tri`,\n\]/);
    assert.match(files.tr, /templates = \[`Bir`,`İki`,`Üç`\]/);
  });

  it('looks up what the object looked up, holes and id 0 included', async () => {
    const files = await build(MAIN);
    const ru = evalTemplates(files.ru);
    assert.deepEqual([ru[0], ru[1], ru[2], ru['new.untranslated'], ru.s0123456789abcdef], ['Odin |', undefined, 'Tri', undefined, undefined]);
    assert.deepEqual(evalTemplates(files.tr), ['Bir', 'İki', 'Üç']);
    assert.equal(evalTemplates(files.de)[0], 'Eins |');
  });

  it('refuses msg() it cannot follow and ids a lookup could mistake', async () => {
    await assert.rejects(build("import { msg } from '@lit/localize';\nexport const f = (k) => msg('x', { id: `a.${k}` });\n"), /id not a string literal/);
    await assert.rejects(build("import { msg } from '@lit/localize';\nexport const t = msg;\n"), /other than called directly/);
    await assert.rejects(build("import { msg } from '@lit/localize';\nexport { msg };\n"), /other than called directly/);
    for (const id of ['7', 'at', 'length', 'constructor']) {
      await assert.rejects(build(`import { msg } from '@lit/localize';\nexport const f = () => msg('x', { id: '${id}' });\n`), /clash/);
    }
  });
});

describe('plural categories', () => {
  const forms = ['zero', 'one', 'two', 'few', 'many', 'other'];
  const group = (prefix) => forms.map((f) => `${prefix}.${f}`);
  const PLURAL =
    'export function plural(n, locale, forms) {\n' +
    '  const category = n === 0 && forms.zero ? "zero" : new Intl.PluralRules(locale).select(n);\n' +
    '  return (forms[category] ?? forms.other)();\n}\n';
  const CALLER =
    "import { msg, str } from '@lit/localize';\nimport { plural as p } from './plural.js';\n" +
    'export const count = (n, locale) => p(n, locale, {\n' +
    forms.map((f) => `  ${f}: () => msg(str\`\${n} x\`, { id: 'n.${f}' }),\n`).join('') +
    '});\n' +
    "export const step = () => msg('Two', { id: 'step.two' });\n" +
    "export const load = [import('./locales/de.js'), import('./locales/ru.js'), import('./locales/ar.js'), import('./locales/qqq.js')];\n";

  let dir;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'shg-plural-'));
    mkdirSync(join(dir, 'locales'));
    for (const lang of ['de', 'ru', 'ar', 'qqq']) {
      const entries = [...group('n'), 'step.two'].map((id) => `  '${id}': \`${lang} ${id}\`,`).join('\n');
      writeFileSync(join(dir, `locales/${lang}.js`), `export const templates = {\n${entries}\n};\n`);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const build = async (main, helper = PLURAL, more = []) => {
    writeFileSync(join(dir, 'main.js'), main);
    writeFileSync(join(dir, 'plural.js'), helper);
    const bundle = await rollup({
      input: join(dir, 'main.js'),
      external: ['@lit/localize'],
      plugins: [pluralCategories({ localesDir: join(dir, 'locales'), pluralModule: join(dir, 'plural.js') }), ...more],
      onwarn: () => {},
    });
    const { output } = await bundle.generate({ format: 'es', sourcemap: true });
    return Object.fromEntries(output.filter((o) => o.type === 'chunk').map((o) => [o.fileName.replace(/[-.].*/, ''), o.code]));
  };
  const kept = (code) => [...code.matchAll(/'([\w.]+)': `/g)].map((m) => m[1]);

  it('knows what Intl.PluralRules (and plural.ts: zero, other) can pick', () => {
    assert.deepEqual([...reachableCategories('de')].sort(), ['one', 'other', 'zero']);
    assert.deepEqual([...reachableCategories('ru')].sort(), ['few', 'many', 'one', 'other', 'zero']);
    assert.deepEqual([...reachableCategories('ar')].sort(), [...forms].sort());
    assert.equal(reachableCategories('not a tag!'), undefined);
  });

  it('drops only the forms of a group with .other that the language never shows', () => {
    assert.deepEqual(unreachableIds([...group('a'), 'b.few', 'c.two', 'c.other'], 'de'), ['a.two', 'a.few', 'a.many', 'c.two']);
    assert.deepEqual(unreachableIds(group('a'), 'ru'), ['a.two']);
    assert.deepEqual(unreachableIds(group('a'), 'ar'), []);
    assert.deepEqual(unreachableIds(group('a'), 'qqq'), []); // unknown to Intl: in doubt, keep
  });

  it('keeps German one/other, Russian one/few/many/other, all of Arabic; the rest stays', async () => {
    const files = await build(CALLER);
    assert.deepEqual(kept(files.de), ['n.zero', 'n.one', 'n.other', 'step.two']);
    assert.deepEqual(kept(files.ru), ['n.zero', 'n.one', 'n.few', 'n.many', 'n.other', 'step.two']);
    assert.deepEqual(kept(files.ar), [...group('n'), 'step.two']);
    assert.deepEqual(kept(files.qqq), [...group('n'), 'step.two']);
    assert.match(files.de, /'n\.one': `de n\.one`,\n {2}'n\.other'/);
    // Works on the ids as written, before short-message-ids numbers them (in sorted order).
    const short = await build(CALLER, PLURAL, [shortMessageIds({ localesDir: join(dir, 'locales') })]);
    const numbered = [...group('n'), 'step.two'].sort();
    const texts = (lang) => Object.values(evalTemplates(short[lang]));
    assert.deepEqual(texts('de'), numbered.filter((id) => !/n\.(two|few|many)/.test(id)).map((id) => `de ${id}`));
    assert.deepEqual(texts('ru'), numbered.filter((id) => id !== 'n.two').map((id) => `ru ${id}`));
    const few = numbered.indexOf('n.few');
    assert.equal(evalTemplates(short.ru)[few], 'ru n.few');
    assert.ok(short.main.includes(`few: () => msg(str\`\${n} x\`, { id: ${few} })`));
  });

  it('refuses a dropped id used anywhere but as its own form of plural()', async () => {
    const plain = CALLER.replace("msg('Two', { id: 'step.two' })", "msg('Few', { id: 'n.few' })");
    await assert.rejects(build(plain), /id 'n\.few' outside plural\(\) as its 'few' form/);
    await assert.rejects(build(CALLER.replace('few: ()', 'many: ()').replace("many: () => msg(str`${n} x`, { id: 'n.many' })", 'few: () => "x"')), /'n\.few'/);
    await assert.rejects(build(CALLER.replace('p(n, locale,', 'other(n, locale,')), /outside plural/);
    await assert.rejects(build(CALLER + "export const f = (k) => msg('x', { id: `n.${k}` });\n"), /not a string literal/);
    await assert.rejects(build(CALLER + 'export const t = msg;\n'), /other than called directly/);
  });

  it('refuses a plural helper that does not use the cardinal rules of the locale alone', async () => {
    await assert.rejects(build(CALLER, PLURAL.replace('PluralRules(locale)', "PluralRules(locale, { type: 'ordinal' })")), /cardinal, no options/);
    await assert.rejects(build(CALLER, 'export const plural = (n, l, f) => f.other();\n'), /cardinal, no options/);
  });
});

describe('css`` minification', () => {
  const css = (...strings) => minifyCss(strings);
  it('drops comments and whitespace only where CSS does not need it', () => {
    assert.deepEqual(
      css(`
        /* a comment */
        :host(.x) .y > a:hover, b ~ c {
          width : calc(100% - 2 * var(--gap, 1px));
          font-family: 'A  B', sans-serif;
          margin: 0 auto;
        }
        @media (min-width: 30em) and (prefers-reduced-motion: reduce) { a { b: c } }
        a/**/b {}
      `),
      [":host(.x) .y > a:hover,b ~ c{width :calc(100% - 2 * var(--gap,1px));font-family:'A  B',sans-serif;margin:0 auto}@media (min-width:30em) and (prefers-reduced-motion:reduce){a{b:c}}a b{}"],
    );
  });
  it('keeps a space where an expression could need it', () => {
    assert.deepEqual(css('\n  .a { color: ', '; }\n  ', ' .b { x: y }\n'), ['.a{color:', '}', ' .b{x:y}']);
    assert.deepEqual(css('.a { --empty: ; }'), ['.a{--empty: }']);
  });
  it('drops a leading zero only where a number starts, not in url() or custom properties', () => {
    assert.deepEqual(
      css('a { margin: 0 0.5em; b: (0.25rem, 10.5px); c: calc(1px*0.5 + 2/0.75); d: -0.5em x0.5 "0.5"; e: url(x/0.5.png) 0.5em; --v: 0.5 }'),
      ['a{margin:0 .5em;b:(.25rem,10.5px);c:calc(1px*.5 + 2/.75);d:-0.5em x0.5 "0.5";e:url(x/0.5.png) .5em;--v:0.5}'],
    );
    assert.deepEqual(css('a { b: ', '0.5em; --c: ', ' 0.5 }'), ['a{b:', '0.5em;--c:', ' 0.5}']);
    assert.deepEqual(css('a { b: url(', '/0.5.png) 0.5em }'), ['a{b:url(', '/0.5.png) .5em}']);
    assert.deepEqual(css('a { --b: "x;y" 0.5; c: ")" url(0.5.png) }'), ['a{--b:"x;y" 0.5;c:")" url(0.5.png)}']);
  });
  it('leaves unterminated comments and strings alone', () => {
    assert.equal(css('a { b: "c', '" }'), null);
    assert.equal(css('/* a', ' */'), null);
  });
});

describe('html`` minification', () => {
  const html = (...strings) => minifyHtml(strings);
  it('collapses whitespace in text and tags, not in quoted values, comments, <pre> or <textarea>', () => {
    assert.deepEqual(
      html(`
        <div class="a  b
          c"  id=x
        >
          Hello   <b>world</b>
          <pre>  keep
     this </pre>  <textarea> a  </textarea>
          <!--  as  is  -->
        </div>`),
      [' <div class="a  b\n          c" id=x > Hello <b>world</b> <pre>  keep\n     this </pre> <textarea> a  </textarea> <!--  as  is  --> </div>'],
    );
  });
  it('follows attribute quotes and raw text across expressions', () => {
    assert.deepEqual(html('<p title="', '  x">  ', '  </p>'), ['<p title="', '  x"> ', ' </p>']);
    assert.deepEqual(html('<pre>', '   </prefix>  ', '</pre  >  a'), ['<pre>', '   </prefix>  ', '</pre > a']);
  });
  it('leaves a template alone when it does not end in text', () => {
    assert.equal(html('<p title="', '  x>  ', '  </p>'), null);
  });
  it('only rewrites Lit\'s own tags and keeps escapes', async () => {
    const code =
      "import { html as h } from 'lit';\nimport { css } from './mine.js';\n" +
      'export const a = h`<b>  ${1}  </b>`;\nexport const b = css`a  {  }`;\nexport const c = h`<i>  \\u0041  </i>`;\n';
    const plugin = minifyTemplates();
    const { parseAst } = await import('rollup/parseAst');
    const out = plugin.transform.call({ parse: parseAst }, code, '/x/a.js');
    assert.match(out.code, /h`<b> \$\{1\} <\/b>`/);
    assert.match(out.code, /css`a {2}\{ {2}\}`/);
    assert.match(out.code, /h`<i> {2}\\u0041 {2}<\/i>`/);
  });
});

describe('splice', () => {
  // Each segment as [generated column, original line, original column].
  const decode = (mappings) => decodeMappings(mappings).map((segments) => segments.map((s) => [s.genCol, s.line, s.col]));

  it('maps every unedited token back to where it was', () => {
    const code = 'const ä = "x";\nfoo(1, {\n  id: "long.id",\n  desc: "gone",\n});\nbar(ä);\n';
    const start = code.indexOf('"long.id"');
    const desc = code.indexOf(',\n  desc');
    const result = splice(code, [{ start, end: start + 9, text: '"a"' }, { start: desc, end: code.indexOf('\n})'), text: '' }], 'm.js');
    assert.equal(result.code, 'const ä = "x";\nfoo(1, {\n  id: "a"\n});\nbar(ä);\n');
    const lines = decode(result.map.mappings);
    const at = (line, column) => lines[line].findLast((s) => s[0] <= column);
    assert.deepEqual(at(4, 0).slice(1), [5, 0]); // bar
    assert.deepEqual(at(4, 4).slice(1), [5, 4]); // ä
    assert.deepEqual(at(2, 6).slice(1), [2, 6]); // the new id
    assert.deepEqual(at(3, 0).slice(1), [4, 0]); // })
  });
});
