// Rollup plugin: short @lit/localize message ids in the CDN bundle.
//
// The code names its messages `msg('…', { id: 'rule.ordinal.1', desc: '…' })` and every locale
// module is `export const templates = { 'rule.ordinal.1': …, … }`. The runtime only looks the id
// up (`templates[options.id]`, then `if (localized)`), so both may be renamed as long as they are
// renamed alike: each id becomes its index in the sorted list of all locale modules' ids, a
// number, and each locale's `templates` becomes an array with its translation at that index
// (`[a, , c]`: a hole where the locale lacks one, which looks up as undefined like a missing
// key). An array carries no keys at all: about 0.6 KB gzip per locale. `desc` is only read by
// `lit-localize extract`: it goes.
//
// Left alone: ids that look like the ones lit-localize derives from the text of a msg() without
// `id` ('s'/'h' + 16 hex digits) – the runtime recomputes those, so their keys must stay, and a
// locale module with any keeps an object (numbered keys beside them) – and ids no locale
// translates (they find no key either way; the build fails when one is named like an Array or
// Object member, `templates['at']` would find a function). The build fails rather than guesses
// when msg is used in a way this plugin cannot follow (id not a literal, msg passed around or
// re-exported): a missed call would silently show English.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { splice, walk } from './splice.mjs';

const LOCALIZE = '@lit/localize';
const AUTO_ID = /^[sh][0-9a-f]{16}$/;

/** The `templates` object of a locale module, or undefined. */
export function templatesObject(ast) {
  for (const node of ast.body) {
    const decl = node.type === 'ExportNamedDeclaration' ? node.declaration : null;
    for (const d of decl?.type === 'VariableDeclaration' ? decl.declarations : []) {
      if (d.id.name === 'templates' && d.init?.type === 'ObjectExpression') return d.init;
    }
  }
  return undefined;
}

/** A property's key as written, or undefined when it is computed or a spread. */
export const keyName = (p) =>
  p.type !== 'Property' || p.computed ? undefined : p.key.type === 'Identifier' ? p.key.name : String(p.key.value);

/** A string literal's value (also a template literal without expressions), else undefined. */
export function staticString(node) {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked ?? undefined;
  return undefined;
}

/** @param {{ localesDir: string }} options the directory of the compiled locale modules */
export function shortMessageIds({ localesDir }) {
  const dir = resolve(localesDir);
  let ids = new Map();
  const untranslated = new Set();

  return {
    name: 'short-message-ids',

    buildStart() {
      // All ids any locale knows, read before any module is transformed, so every module
      // (whatever order rollup visits them in) uses the same numbering.
      const all = new Set();
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) {
        const object = templatesObject(this.parse(readFileSync(join(dir, file), 'utf8')));
        if (!object) this.error(`${file} in ${localesDir} has no \`export const templates = {…}\``);
        for (const p of object.properties) {
          const key = keyName(p);
          if (key === undefined) this.error(`${file}: a computed key in templates`);
          if (!AUTO_ID.test(key)) all.add(key);
        }
      }
      // Plain code-unit order: the same on every machine, whatever its locale.
      ids = new Map([...all].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((id, i) => [id, i]));
      untranslated.clear();
    },

    transform(code, id) {
      if (dirname(resolve(id)) === dir && id.endsWith('.js')) return renameKeys.call(this, code, id);
      if (!code.includes(LOCALIZE) || /[\\/]node_modules[\\/]/.test(id)) return null;
      return renameCalls.call(this, code, id);
    },

    buildEnd() {
      // A number-like id would meet a renamed one; a member name would find a function.
      const clash = [...untranslated].filter((id) => /^\d+$/.test(id) || id in Array.prototype || id in Object.prototype);
      if (clash.length) this.error(`message id(s) ${clash.join(', ')} clash with the numbered ids or a member of templates: rename them`);
    },
  };

  function renameKeys(code, id) {
    const object = templatesObject(this.parse(code));
    if (!object) this.error(`${id}: no \`export const templates = {…}\``);
    const props = object.properties;
    const numbers = props.map((p) => ids.get(keyName(p)));
    const edits = [];
    if (numbers.some((n) => n === undefined)) {
      // Keys the runtime computes: an object, the renamed keys numbered.
      props.forEach((p, i) => numbers[i] !== undefined && edits.push({ start: p.key.start, end: p.key.end, text: String(numbers[i]) }));
      return splice(code, edits, id);
    }
    // An array. lit-localize writes the keys sorted as the numbering is: then each `key: ` just
    // becomes the commas of the holes before it (the map keeps pointing at every entry).
    // Otherwise the array is written out anew.
    const open = { start: object.start, end: object.start + 1, text: '[' };
    const close = { start: object.end - 1, end: object.end, text: ']' };
    if (numbers.every((n, i) => i === 0 || n > numbers[i - 1])) {
      props.forEach((p, i) => edits.push({ start: p.start, end: p.value.start, text: ','.repeat(numbers[i] - (numbers[i - 1] ?? -1) - 1) }));
      return splice(code, [open, ...edits, close], id);
    }
    const values = [];
    props.forEach((p, i) => (values[numbers[i]] = code.slice(p.value.start, p.value.end)));
    return splice(code, [{ start: object.start, end: object.end, text: `[${Array.from(values, (v) => v ?? '').join(',')}]` }], id);
  }

  function renameCalls(code, id) {
    const ast = this.parse(code);
    const fail = (node, why) => this.error({ message: `${why} (short-message-ids cannot follow it)`, id, pos: node.start });
    const names = new Set(); // local names of msg in this module
    for (const node of ast.body) {
      const from = node.source?.value;
      if (node.type === 'ImportDeclaration' && from === LOCALIZE) {
        for (const s of node.specifiers) {
          if (s.type === 'ImportNamespaceSpecifier') fail(s, `import * from '${LOCALIZE}'`);
          if (s.type === 'ImportSpecifier' && (s.imported.name ?? s.imported.value) === 'msg') names.add(s.local.name);
        }
      }
      if (node.type === 'ExportAllDeclaration' && from === LOCALIZE) fail(node, `export * from '${LOCALIZE}'`);
    }
    if (!names.size) return null;

    const edits = [];
    walk(ast, (node, parent) => {
      if (node.type === 'ImportDeclaration') return false;
      if (node.type !== 'Identifier' || !names.has(node.name)) return;
      // Not references to msg: `x.msg`, `{ msg: … }`, class members named msg.
      if (parent.type === 'MemberExpression' && parent.property === node && !parent.computed) return;
      if ((parent.type === 'Property' || parent.type.endsWith('Definition')) && parent.key === node && !parent.computed && !parent.shorthand) return;
      if (parent.type !== 'CallExpression' || parent.callee !== node) fail(node, 'msg used other than called directly');
      const options = parent.arguments[1];
      if (!options) return; // auto id from the text: left alone (see above)
      if (options.type !== 'ObjectExpression') fail(options, 'msg() options not an object literal');
      options.properties.forEach((p, i, all) => {
        const key = keyName(p);
        if (key === undefined) fail(p, 'msg() options with a computed key or spread');
        if (key === 'id') {
          const value = staticString(p.value);
          if (value === undefined) fail(p.value, 'msg() id not a string literal');
          const short = ids.get(value);
          // A number: the runtime only indexes with it (`templates[id]`; `id ?? hash` keeps a 0).
          if (short !== undefined) edits.push({ start: p.value.start, end: p.value.end, text: String(short) });
          else if (!AUTO_ID.test(value)) untranslated.add(value);
        } else if (key === 'desc') {
          // Take a neighbouring comma along: `{ id, desc }` → `{ id }`, `{ desc, id }` → `{ id }`,
          // `{ desc, }` → `{}`.
          const [start, end] =
            i > 0 ? [all[i - 1].end, p.end] : all.length > 1 ? [p.start, all[1].start] : [options.start + 1, options.end - 1];
          edits.push({ start, end, text: '' });
        }
      });
    });
    return splice(code, edits, id);
  }
}
