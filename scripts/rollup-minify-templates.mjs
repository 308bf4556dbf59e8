// A rollup plugin that shrinks the static text of Lit's html`` and css`` tagged
// templates (indentation, newlines, CSS comments): most of a Lit bundle's bytes.
// Only the literal parts change; expressions inside ${} are copied untouched,
// and nested html`` templates inside expressions are minified the same way.

/** Collapses whitespace in HTML template text. Safe because our templates hold no <pre> or <textarea> text. */
function minifyHtml(text) {
  // Runs of whitespace become one space, never none: "</strong> <time>" keeps its space.
  return text.replace(/\s*\n\s*/g, ' ').replace(/ {2,}/g, ' ');
}

function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
}

const TAGS = { html: minifyHtml, svg: minifyHtml, css: minifyCss };

/**
 * Walks JS source, finding template literals; returns the code with tagged
 * html/css templates minified. Strings, comments and regexes are skipped as units.
 */
export function minifyTemplates(code) {
  let out = '';
  let i = 0;
  const n = code.length;

  function tagBefore(pos) {
    const m = /([A-Za-z_$][\w$]*)\s*$/.exec(code.slice(Math.max(0, pos - 20), pos));
    return m && TAGS[m[1]] ? TAGS[m[1]] : undefined;
  }

  // Reads a template literal starting at code[start] === '`'; returns [text, end].
  function template(start, minify) {
    let result = '`';
    let chunk = '';
    let j = start + 1;
    const flush = () => {
      result += minify ? minify(chunk) : chunk;
      chunk = '';
    };
    while (j < n) {
      const c = code[j];
      if (c === '\\') {
        chunk += code.slice(j, j + 2);
        j += 2;
      } else if (c === '`') {
        flush();
        return [result + '`', j + 1];
      } else if (c === '$' && code[j + 1] === '{') {
        flush();
        const [expr, end] = expression(j + 2);
        result += '${' + expr + '}';
        j = end;
      } else {
        chunk += c;
        j++;
      }
    }
    throw new Error('unterminated template literal');
  }

  // Reads JS up to the matching '}' of a ${...}; returns [text, indexAfterBrace].
  function expression(start) {
    let depth = 0;
    let text = '';
    let j = start;
    while (j < n) {
      const c = code[j];
      if (c === '`') {
        const [t, end] = template(j, tagBefore(j));
        text += t;
        j = end;
      } else if (c === '"' || c === "'") {
        const end = stringEnd(j);
        text += code.slice(j, end);
        j = end;
      } else if (c === '{') {
        depth++;
        text += c;
        j++;
      } else if (c === '}') {
        if (depth === 0) return [text, j + 1];
        depth--;
        text += c;
        j++;
      } else {
        text += c;
        j++;
      }
    }
    throw new Error('unterminated template expression');
  }

  function stringEnd(start) {
    const quote = code[start];
    let j = start + 1;
    while (j < n && code[j] !== quote) j += code[j] === '\\' ? 2 : 1;
    return j + 1;
  }

  while (i < n) {
    const c = code[i];
    if (c === '/' && code[i + 1] === '/') {
      const end = code.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      out += code.slice(i, stop);
      i = stop;
    } else if (c === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2) + 2;
      out += code.slice(i, end);
      i = end;
    } else if (c === '"' || c === "'") {
      const end = stringEnd(i);
      out += code.slice(i, end);
      i = end;
    } else if (c === '`') {
      const [t, end] = template(i, tagBefore(i));
      out += t;
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export function minifyTemplatesPlugin() {
  return {
    name: 'shg-minify-templates',
    transform(code, id) {
      // Only our element code holds templates; other files may hold regexes the scanner cannot read.
      if (!/\/dist\/(elements|internal)\//.test(id) || !/\b(html|css|svg)\s*`/.test(code)) return null;
      return { code: minifyTemplates(code), map: { mappings: '' } };
    },
  };
}
