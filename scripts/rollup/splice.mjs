// Shared by the rollup plugins in this folder: apply text edits found through `this.parse`
// (start/end are UTF-16 offsets, like JS string indices) and return the source map that
// leads back to the unedited module, so cdn/*.map keep pointing at the right lines.
// magic-string would do this, but it is not a dependency; this is all we need of it.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function vlq(n) {
  let v = n < 0 ? (-n << 1) | 1 : n << 1;
  let out = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v) digit |= 32;
    out += B64[digit];
  } while (v);
  return out;
}

/**
 * @param {string} code the module as rollup passed it to `transform`
 * @param {{ start: number, end: number, text: string }[]} edits non-overlapping, any order
 * @param {string} id the module id, named as the map's only source
 * @returns {{ code: string, map: object } | null} null when there is nothing to change
 */
export function splice(code, edits, id) {
  if (!edits.length) return null;
  edits = [...edits].sort((a, b) => a.start - b.start);
  const lines = [[]]; // per output line: [outColumn, origLine, origColumn]
  let out = '';
  let outCol = 0;
  // Original position of every offset, advanced as we walk the unedited text.
  let line = 0;
  let col = 0;
  let pos = 0;
  const mark = (l, c) => {
    const segments = lines[lines.length - 1];
    // An empty replacement and the text after it share an output column: keep the later one.
    if (segments.at(-1)?.[0] === outCol) segments.pop();
    segments.push([outCol, l, c]);
  };
  const advanceTo = (end) => {
    for (; pos < end; pos++) {
      if (code[pos] === '\n') {
        line++;
        col = 0;
      } else col++;
    }
  };
  // Unedited text: a segment at its start, at every line start and at every word/punctuation
  // boundary (like magic-string's hires: 'boundary'), so lookups land on the right token.
  const copy = (end) => {
    for (let i = pos; i < end; i++) {
      const ch = code[i];
      const prev = i > pos ? code[i - 1] : '';
      if (i === pos || prev === '\n' || (/\S/.test(ch) && (!/\w/.test(ch) || !/\w/.test(prev)))) mark(line, col);
      out += ch;
      advanceTo(i + 1);
      if (ch === '\n') {
        lines.push([]);
        outCol = 0;
      } else outCol++;
    }
  };
  for (const edit of edits) {
    if (edit.start < pos) throw new Error(`overlapping edits in ${id} at ${edit.start}`);
    copy(edit.start);
    // The replacement (and each line it adds) maps to where the replaced text began.
    const [l, c] = [line, col];
    mark(l, c);
    for (const ch of edit.text) {
      out += ch;
      if (ch === '\n') {
        lines.push([]);
        outCol = 0;
        mark(l, c);
      } else outCol += ch.length; // astral characters are two UTF-16 units
    }
    advanceTo(edit.end);
  }
  copy(code.length);

  // Encode: columns relative within a line, source positions relative across the whole map.
  let prevLine = 0;
  let prevCol = 0;
  const mappings = lines
    .map((segments) => {
      let prevOut = 0;
      return segments
        .map(([o, l, c]) => {
          const s = vlq(o - prevOut) + 'A' + vlq(l - prevLine) + vlq(c - prevCol);
          [prevOut, prevLine, prevCol] = [o, l, c];
          return s;
        })
        .join(',');
    })
    .join(';');
  return { code: out, map: { version: 3, sources: [id], sourcesContent: [code], names: [], mappings } };
}

/** Calls `visit` on every ESTree node below `node` (rollup's AST: plain objects with `type`). */
export function walk(node, visit, parent = null) {
  if (visit(node, parent) === false) return;
  for (const key in node) {
    const value = node[key];
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child.type === 'string') walk(child, visit, node);
    } else if (value && typeof value.type === 'string') walk(value, visit, node);
  }
}
