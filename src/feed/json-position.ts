/**
 * Finds where a text stops being JSON, so a page author reads "line 12, column 5" even where
 * the engine's own message names no position. Runs only after JSON.parse has failed.
 */

export interface JsonSyntaxProblem {
  /** Character offset of the first offending character (the text's length for an early end). */
  position: number;
  line: number;
  column: number;
  /** "unexpected \"}\"" or "unexpected end of text". */
  what: string;
}

const enum State {
  Value,
  ValueOrClose,
  Key,
  KeyOrClose,
  Colon,
  After,
}

/** The first syntax problem in `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  const position = scan(text);
  if (position < 0) return undefined;
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const what = position >= text.length ? 'unexpected end of text' : `unexpected ${describe(text.codePointAt(position) as number)}`;
  return { position, line, column: position - lineStart + 1, what };
}

function describe(code: number): string {
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return JSON.stringify(String.fromCodePoint(code));
}

// Returns the offending offset, or -1 when the text is valid.
function scan(text: string): number {
  const n = text.length;
  const stack: boolean[] = []; // true = object, false = array
  let state: State = State.Value;
  let i = 0;
  for (;;) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) return state === State.After && stack.length === 0 ? -1 : n;
    const c = text.charCodeAt(i);
    switch (state) {
      case State.Value:
      case State.ValueOrClose:
        if (c === 0x7b /* { */) {
          stack.push(true);
          state = State.KeyOrClose;
          i++;
        } else if (c === 0x5b /* [ */) {
          stack.push(false);
          state = State.ValueOrClose;
          i++;
        } else if (c === 0x5d /* ] */ && state === State.ValueOrClose) {
          stack.pop();
          state = State.After;
          i++;
        } else {
          const end = c === 0x22 ? scanString(text, i) : c === 0x2d || (c >= 0x30 && c <= 0x39) ? scanNumber(text, i) : scanLiteral(text, i);
          if (end < 0) return -end - 1;
          i = end;
          state = State.After;
        }
        break;
      case State.Key:
      case State.KeyOrClose:
        if (c === 0x7d /* } */ && state === State.KeyOrClose) {
          stack.pop();
          state = State.After;
          i++;
        } else if (c === 0x22) {
          const end = scanString(text, i);
          if (end < 0) return -end - 1;
          i = end;
          state = State.Colon;
        } else return i;
        break;
      case State.Colon:
        if (c !== 0x3a /* : */) return i;
        state = State.Value;
        i++;
        break;
      case State.After: {
        if (stack.length === 0) return i;
        const inObject = stack[stack.length - 1];
        if (c === 0x2c /* , */) state = inObject ? State.Key : State.Value;
        else if (c === (inObject ? 0x7d : 0x5d)) stack.pop();
        else return i;
        i++;
        break;
      }
    }
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

// The scanners return the offset after the token, or -(offending offset) - 1.
function scanString(text: string, start: number): number {
  const n = text.length;
  for (let i = start + 1; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return -i - 1;
    if (c === 0x5c /* \ */) {
      const e = text.charAt(i + 1);
      if (e === 'u') {
        for (let k = i + 2; k < i + 6; k++) if (!/[0-9A-Fa-f]/.test(text.charAt(k))) return -Math.min(k, n) - 1;
        i += 5;
      } else if ('"\\/bfnrt'.includes(e) && e !== '') i++;
      else return -(i + 1) - 1;
    }
  }
  return -n - 1;
}

function scanNumber(text: string, start: number): number {
  let i = start;
  if (text.charCodeAt(i) === 0x2d) i++;
  if (text.charCodeAt(i) === 0x30) i++;
  else if (isDigit(text, i)) while (isDigit(text, i)) i++;
  else return -i - 1;
  if (text.charCodeAt(i) === 0x2e) {
    i++;
    if (!isDigit(text, i)) return -i - 1;
    while (isDigit(text, i)) i++;
  }
  if ((text.charCodeAt(i) | 0x20) === 0x65 /* e */) {
    i++;
    if (text.charCodeAt(i) === 0x2b || text.charCodeAt(i) === 0x2d) i++;
    if (!isDigit(text, i)) return -i - 1;
    while (isDigit(text, i)) i++;
  }
  return i;
}

function isDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
}

function scanLiteral(text: string, start: number): number {
  for (const word of ['true', 'false', 'null']) {
    if (text.charCodeAt(start) !== word.charCodeAt(0)) continue;
    for (let k = 1; k < word.length; k++) if (text.charCodeAt(start + k) !== word.charCodeAt(k)) return -(start + k) - 1;
    return start + word.length;
  }
  return -start - 1;
}
