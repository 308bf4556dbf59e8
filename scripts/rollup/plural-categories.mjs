// Rollup plugin: drop from each locale module the plural forms its language never shows.
//
// src/internal/plural.ts picks one message per CLDR plural category, with the cardinal rules of
// the active UI locale – the locale whose templates msg() reads (setLocale switches both at once):
//   category = n === 0 && forms.zero ? 'zero' : new Intl.PluralRules(locale).select(n)
//   return (forms[category] ?? forms.other)()
// So German only ever asks for `one` and `other` (and the explicit `zero`): its `two`, `few` and
// `many` entries are dead weight in de.js. The xliff files carry every category for every
// language; this is where the unused ones go.
//
// A plural group is recognised by its ids: `<prefix>.<category>` beside `<prefix>.other` in the
// same locale module (PluralForms makes `other` mandatory). An entry of such a group goes only when
// its category is none of: the language's Intl.PluralRules categories, `zero` (taken for n === 0
// in every language) and `other` (the fallback). In doubt it stays: a language Node's ICU does not
// know (a small-icu build) keeps every form.
//
// Cross-checked against the code, so a form the runtime can ask for is never dropped:
// - every msg() whose id some locale drops must be the form of its own category in a plural()
//   call (`few: () => msg(…, { id: 'x.few' })`); anywhere else (a plain msg(), another key) any
//   locale could be asked for it, and the build fails;
// - the plural module must still build cardinal rules from the locale alone (`new
//   Intl.PluralRules(locale)`, no options such as type: 'ordinal'), or the build fails.
// Runs before short-message-ids, on the ids as written.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { splice, walk } from './splice.mjs';
import { keyName, staticString, templatesObject } from './short-message-ids.mjs';

const LOCALIZE = '@lit/localize';
const PLURAL_ID = /^(.+)\.(zero|one|two|few|many|other)$/;
const ALWAYS = ['zero', 'other'];

/** The categories plural() can pick in `lang`, or undefined when this Node's Intl does not know it. */
export function reachableCategories(lang) {
  try {
    if (!Intl.PluralRules.supportedLocalesOf(lang).length) return undefined;
  } catch {
    return undefined; // not a language tag
  }
  return new Set([...new Intl.PluralRules(lang).resolvedOptions().pluralCategories, ...ALWAYS]);
}

/** Of one locale module's ids, the plural forms `lang` never shows. */
export function unreachableIds(ids, lang) {
  const reachable = reachableCategories(lang);
  if (!reachable) return [];
  const all = new Set(ids);
  return ids.filter((id) => {
    const m = PLURAL_ID.exec(id);
    return m !== null && all.has(`${m[1]}.other`) && !reachable.has(m[2]);
  });
}

/**
 * @param {{ localesDir: string, pluralModule: string }} options the directory of the compiled
 *   locale modules, and the compiled plural helper (its path as rollup resolves it)
 */
export function pluralCategories({ localesDir, pluralModule }) {
  const dir = resolve(localesDir);
  const helper = resolve(pluralModule);
  let plan = new Map(); // locale module path → ids it drops
  let dropped = new Set(); // ids some locale drops

  return {
    name: 'plural-categories',

    buildStart() {
      // Decided from the files before any module is transformed, so the callers' check below
      // knows every dropped id whichever order rollup visits the modules in.
      plan = new Map();
      dropped = new Set();
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
        const object = templatesObject(this.parse(readFileSync(join(dir, file), 'utf8')));
        if (!object) this.error(`${file} in ${localesDir} has no \`export const templates = {…}\``);
        const ids = unreachableIds(object.properties.map(keyName).filter((k) => k !== undefined), basename(file, '.js'));
        plan.set(join(dir, file), new Set(ids));
        for (const id of ids) dropped.add(id);
      }
    },

    transform(code, id) {
      const path = resolve(id);
      if (plan.has(path)) return prune.call(this, code, id, plan.get(path));
      if (path === helper) checkHelper.call(this, code, id);
      else if (code.includes(LOCALIZE) && !/[\\/]node_modules[\\/]/.test(id)) checkCalls.call(this, code, id);
      return null;
    },
  };

  function prune(code, id, ids) {
    const object = templatesObject(this.parse(code));
    if (!object) this.error(`${id}: no \`export const templates = {…}\``);
    const props = object.properties;
    const edits = [];
    props.forEach((p, i) => {
      // Up to the next entry (taking the comma along), or for the last one up to the `}`.
      if (ids.has(keyName(p))) edits.push({ start: p.start, end: i + 1 < props.length ? props[i + 1].start : object.end - 1, text: '' });
    });
    return splice(code, edits, id);
  }

  function checkHelper(code, id) {
    const rules = [];
    walk(this.parse(code), (node) => {
      const c = node.type === 'NewExpression' ? node.callee : null;
      if (c && (c.type === 'MemberExpression' ? c.property.name : c.name) === 'PluralRules') rules.push(node);
    });
    const odd = rules.find((node) => node.arguments.length !== 1);
    if (!rules.length || odd) {
      this.error({
        message: 'plural-categories expects `new Intl.PluralRules(locale)` (cardinal, no options) in the plural helper: update the plugin',
        id,
        pos: odd?.start,
      });
    }
  }

  function checkCalls(code, id) {
    const ast = this.parse(code);
    const fail = (node, why) => this.error({ message: `${why} (plural-categories drops this id from some locales)`, id, pos: node.start });
    const msgs = new Set(); // local names of msg, of plural
    const plurals = new Set();
    for (const node of ast.body) {
      if (node.type !== 'ImportDeclaration') continue;
      const from = node.source.value;
      const names = from === LOCALIZE ? ['msg', msgs] : from.startsWith('.') && resolve(dirname(id), from) === helper ? ['plural', plurals] : [];
      for (const s of node.specifiers) {
        if (s.type === 'ImportSpecifier' && (s.imported.name ?? s.imported.value) === names[0]) names[1].add(s.local.name);
      }
    }
    if (!msgs.size) return;
    const parents = new Map();
    walk(ast, (node, parent) => {
      parents.set(node, parent);
      if (node.type === 'ImportDeclaration') return false;
      // msg passed around (`const t = msg`, re-exported): its calls cannot be followed.
      if (node.type === 'Identifier' && msgs.has(node.name) && !(parent.type === 'CallExpression' && parent.callee === node)) {
        const member = parent.type === 'MemberExpression' && parent.property === node && !parent.computed;
        const key = (parent.type === 'Property' || parent.type.endsWith('Definition')) && parent.key === node && !parent.computed && !parent.shorthand;
        if (!member && !key) fail(node, 'msg used other than called directly: cannot follow its ids');
      }
      if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || !msgs.has(node.callee.name)) return;
      const idProp = node.arguments[1]?.properties?.find((p) => keyName(p) === 'id');
      if (!idProp) return; // no id, or options short-message-ids refuses anyway
      const value = staticString(idProp.value);
      if (value === undefined) fail(idProp.value, 'msg() id not a string literal: cannot tell whether it is a plural form');
      if (!dropped.has(value)) return;
      // msg(…) ← () => … ← category: … ← { … } ← plural(n, locale, { … })
      const arrow = parents.get(node);
      const prop = parents.get(arrow);
      const forms = parents.get(prop);
      const call = parents.get(forms);
      const ok =
        arrow.type === 'ArrowFunctionExpression' && arrow.body === node &&
        prop.type === 'Property' && prop.value === arrow && keyName(prop) === PLURAL_ID.exec(value)[2] &&
        call?.type === 'CallExpression' && call.arguments[2] === forms &&
        call.callee.type === 'Identifier' && plurals.has(call.callee.name);
      if (!ok) fail(node, `msg() with id '${value}' outside plural() as its '${PLURAL_ID.exec(value)[2]}' form`);
    });
  }
}
