// Rollup plugin: minify the static text of Lit's css`…` and html`…` templates.
//
// Terser keeps template literals as they are, so the indentation of every style sheet and
// template ships. Only the literal text between the `${…}` is rewritten; the expressions are
// not touched. Only tags imported from Lit count (a local `html` could mean anything), and
// only our own modules (not node_modules).
//
// css: comments go, whitespace collapses, and it goes entirely next to `{ } ; ,` and after `:`
// (never before `:` – `a :hover` ≠ `a:hover` – nor around `+ - > ( )`, which calc(), media
// queries and selectors need); a number's leading zero goes (`0.5em` → `.5em`). Strings stay as
// written.
// html: runs of whitespace in text and inside tags become one space, which renders the same
// under the default `white-space: normal` (the project's pre-line elements get their text only
// through expressions). Whitespace-only text between tags is kept as one space: removing it
// could join inline elements. Quoted attribute values, comments and the contents of
// <pre>, <textarea>, <script>, <style> and <title> stay byte for byte.
//
// A template whose raw text has a backslash is left alone: there cooked ≠ raw, and only when
// they are equal is rewriting the raw text the same as rewriting what Lit reads. So is any
// template the scanner does not end in a known state (unclosed comment, string or tag).
import { splice, walk } from './splice.mjs';

const LIT = new Set(['lit', 'lit-html', 'lit-element', '@lit/reactive-element']);
const WS = /[ \t\n\r\f]/; // not \s: a no-break space is content
const TIGHT = new Set(['{', '}', ';', ',']);
// After these a `0.` starts a number token (not the middle of `10.5`, `x0.5` or `-0.5`, left as
// they are); at a quasi's start the text before is an expression, so the zero stays there too.
const NUMBER_START = new Set([':', ' ', '(', ',', '/', '*']);

/** Whether the css written so far (one string per quasi) ends inside `url(` or a `--x:` value. */
function inUrlOrCustomProperty(quasis) {
  // The url( or `--x:` may begin in an earlier quasi (`x` stands for an expression); strings go,
  // so that a `;` or `)` inside one does not count.
  const text = quasis.join('x').replace(/"[^"]*"|'[^']*'/g, '""');
  return /url\([^)]*$|(?:^|[{;])--[^{};]*$/i.test(text);
}

/** Minified css`` text, one string per quasi, or null to leave the template alone. */
export function minifyCss(strings) {
  const out = [];
  for (let k = 0; k < strings.length; k++) {
    const s = strings[k];
    let o = '';
    let space = false; // whitespace or a comment since the last character written
    // Whether a pending space must stay before `next` (undefined: an expression or the end).
    const emitSpace = (next) => {
      if (!space) return;
      space = false;
      const prev = o.at(-1) ?? (k === 0 ? undefined : '${');
      if (prev === undefined || (next === undefined && k === strings.length - 1)) return;
      // `--x: ;` is an empty custom property; `--x:;` was invalid in older browsers.
      if (prev === ':' && (next === ';' || next === '}')) o += ' ';
      else if (!TIGHT.has(prev) && prev !== ':' && !TIGHT.has(next)) o += ' ';
    };
    for (let i = 0; i < s.length; ) {
      const c = s[i];
      if (WS.test(c)) {
        space = true;
        i++;
      } else if (s.startsWith('/*', i)) {
        const end = s.indexOf('*/', i + 2);
        if (end < 0) return null;
        space = true; // a/**/b is two tokens
        i = end + 2;
      } else if (c === '"' || c === "'") {
        const end = s.indexOf(c, i + 1);
        if (end < 0) return null;
        emitSpace(c);
        o += s.slice(i, end + 1);
        i = end + 1;
      } else {
        emitSpace(c);
        if (c === '}' && o.endsWith(';')) o = o.slice(0, -1); // last declaration needs no `;`
        // `0.5em` → `.5em`, only where a number starts (see NUMBER_START), never in an unquoted
        // url() nor in a custom property (its value is kept as text; script may read it).
        if (c === '0' && /^\.\d/.test(s.slice(i + 1, i + 3)) && NUMBER_START.has(o.at(-1)) && !inUrlOrCustomProperty([...out, o])) {
          i++;
          continue;
        }
        o += c;
        i++;
      }
    }
    emitSpace(undefined);
    out.push(o);
  }
  return out;
}

const RAW_TEXT = /^(?:pre|textarea|script|style|title)$/i;

/** Minified html`` text, one string per quasi, or null to leave the template alone. */
export function minifyHtml(strings) {
  let state = 'text'; // text | tag | quote | comment | raw; carried across expressions
  let quote = '';
  let tag = ''; // name of the tag being read
  let closing = false;
  const out = strings.map((s) => {
    let o = '';
    for (let i = 0; i < s.length; ) {
      const c = s[i];
      if (state === 'text' || state === 'tag') {
        if (WS.test(c)) {
          while (i < s.length && WS.test(s[i])) i++;
          o += ' ';
          continue;
        }
      }
      if (state === 'text') {
        const name = c === '<' && /^\/?([a-zA-Z][^ \t\n\r\f/>]*)/.exec(s.slice(i + 1, i + 64));
        if (s.startsWith('<!--', i)) {
          state = 'comment';
          o += '<!--';
          i += 4;
          continue;
        }
        if (name) {
          [state, tag, closing] = ['tag', name[1], name[0].startsWith('/')];
          o += `<${name[0]}`;
          i += 1 + name[0].length;
          continue;
        }
      } else if (state === 'tag') {
        if (c === '"' || c === "'") [state, quote] = ['quote', c];
        else if (c === '>') state = !closing && RAW_TEXT.test(tag) ? 'raw' : 'text';
      } else if (state === 'quote') {
        if (c === quote) state = 'tag';
      } else if (state === 'comment') {
        if (s.startsWith('-->', i)) {
          state = 'text';
          o += '-->';
          i += 3;
          continue;
        }
      } else if (state === 'raw' && new RegExp(`^</${tag}(?:[ \\t\\n\\r\\f/>]|$)`, 'i').test(s.slice(i, i + tag.length + 3))) {
        state = 'text'; // the closing tag is then read as a tag
        continue;
      }
      o += c;
      i++;
    }
    return o;
  });
  return state === 'text' ? out : null;
}

export function minifyTemplates() {
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (/[\\/]node_modules[\\/]/.test(id) || !/\b(?:css|html)\b/.test(code)) return null;
      const ast = this.parse(code);
      const tags = new Map(); // local name → 'css' | 'html'
      for (const node of ast.body) {
        if (node.type !== 'ImportDeclaration' || !LIT.has(node.source.value)) continue;
        for (const s of node.specifiers) {
          const imported = s.type === 'ImportSpecifier' ? (s.imported.name ?? s.imported.value) : '';
          if (imported === 'css' || imported === 'html') tags.set(s.local.name, imported);
        }
      }
      if (!tags.size) return null;
      const edits = [];
      walk(ast, (node) => {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') return;
        const kind = tags.get(node.tag.name);
        const quasis = node.quasi.quasis;
        if (!kind || quasis.some((q) => q.value.raw.includes('\\'))) return;
        const minified = (kind === 'css' ? minifyCss : minifyHtml)(quasis.map((q) => q.value.raw));
        minified?.forEach((text, i) => {
          if (text !== quasis[i].value.raw) edits.push({ start: quasis[i].start, end: quasis[i].end, text });
        });
      });
      return splice(code, edits, id);
    },
  };
}
