// The size-only rollup plugins of scripts/rollup/: they must not change what the bundle does.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rollup } from 'rollup';
import { shortId, shortMessageIds } from '../../scripts/rollup/short-message-ids.mjs';
import { minifyCss, minifyHtml, minifyTemplates } from '../../scripts/rollup/minify-templates.mjs';
import { splice } from '../../scripts/rollup/splice.mjs';

describe('short message ids', () => {
  let dir;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'shg-ids-'));
    mkdirSync(join(dir, 'locales'));
    writeFileSync(
      join(dir, 'locales/de.js'),
      "import { str } from '@lit/localize';\nexport const templates = {\n  'b.two': `Zwei`,\n  'a.one': str `Eins ${0}`,\n  's0123456789abcdef': `ohne id`,\n};\n",
    );
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
    return Object.fromEntries(output.map((o) => [o.fileName, o.code]));
  };

  it('numbers ids as short identifiers, each once', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => shortId(i));
    assert.deepEqual(ids.slice(0, 3), ['a', 'b', 'c']);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.every((id) => /^[A-Za-z][\w$]*$/.test(id)));
    assert.ok(shortId(3379).length === 2 && shortId(3380).length === 3);
  });

  it('renames ids alike in msg() and the locale, drops desc, leaves text-derived ids', async () => {
    const files = await build(
      "import { msg, str } from '@lit/localize';\n" +
        "export const one = (n) => msg(str`One ${n}`, { id: 'a.one', desc: 'a number' });\n" +
        "export const two = () => msg('Two', { desc: 'first', id: 'b.two' });\n" +
        "export const three = () => msg('Three');\n" +
        "export const four = () => msg('Four', { id: 'new.untranslated' });\n" +
        "export const de = () => import('./locales/de.js');\n",
    );
    const main = files['main.js'];
    assert.match(main, /msg\(str`One \$\{n\}`, \{ id: "a" \}\)/);
    assert.match(main, /msg\('Two', \{ id: "b" \}\)/);
    assert.match(main, /msg\('Three'\)/);
    assert.match(main, /id: 'new\.untranslated'/);
    assert.doesNotMatch(main, /desc/);
    const locale = Object.entries(files).find(([name]) => name.startsWith('de'))[1];
    assert.match(locale, /b: `Zwei`/);
    assert.match(locale, /a: str `Eins \$\{0\}`/);
    assert.match(locale, /'s0123456789abcdef': `ohne id`/);
  });

  it('refuses msg() it cannot follow', async () => {
    await assert.rejects(build("import { msg } from '@lit/localize';\nexport const f = (k) => msg('x', { id: `a.${k}` });\n"), /id not a string literal/);
    await assert.rejects(build("import { msg } from '@lit/localize';\nexport const t = msg;\n"), /other than called directly/);
    await assert.rejects(build("import { msg } from '@lit/localize';\nexport { msg };\n"), /other than called directly/);
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
  // Just enough of a source map decoder to follow one segment.
  const decode = (mappings) => {
    const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const state = [0, 0, 0, 0];
    return mappings.split(';').map((line) => {
      state[0] = 0;
      return line
        ? line.split(',').map((seg) => {
            const values = [];
            let v = 0;
            let shift = 0;
            for (const ch of seg) {
              const d = B64.indexOf(ch);
              v += (d & 31) << shift;
              if (d & 32) shift += 5;
              else {
                values.push(v & 1 ? -(v >>> 1) : v >>> 1);
                v = shift = 0;
              }
            }
            values.forEach((x, i) => (state[i] += x));
            return [state[0], state[2], state[3]];
          })
        : [];
    });
  };

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
