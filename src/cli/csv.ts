/**
 * Reads a spreadsheet exported as CSV the way offices actually have them: UTF-8 with or
 * without a byte-order mark, Windows-1252 from German Excel, UTF-16 from "Unicode text";
 * comma, semicolon or tab; quoted fields with doubled quotes and line breaks inside.
 * Every record keeps the line it starts on, so problems can be reported by line.
 */

export type CsvEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvRecord {
  /** The line (1-based) in the file where the record starts. */
  line: number;
  fields: string[];
}

export interface CsvTable {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  records: CsvRecord[];
  /** The line where a quoted field opens and never closes (the rest of the file is in it). */
  unclosedQuoteLine?: number;
}

export interface ReadCsvOptions {
  encoding?: CsvEncoding;
  delimiter?: CsvDelimiter;
}

/**
 * Decodes CSV bytes: a byte-order mark decides; otherwise UTF-8 when the bytes are valid
 * UTF-8, else Windows-1252 (what Excel writes on a German Windows with "CSV (Trennzeichen-getrennt)").
 */
export function decodeCsv(bytes: Uint8Array, encoding?: CsvEncoding): { text: string; encoding: CsvEncoding } {
  if (encoding === 'windows-1252') return { text: decodeWindows1252(bytes), encoding };
  if (encoding) return { text: stripBom(new TextDecoder(encoding).decode(bytes)), encoding };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

// Windows-1252 at 0x80–0x9F ("–", "„", "“", "€", …); the rest is Latin-1. Node 20's
// TextDecoder('windows-1252') decodes this range as Latin-1 control characters, so it is mapped here.
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009F]/g, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80] as string);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The delimiter of the header (the first non-empty line): the most frequent of ";", "," and tab outside quotes.
 * A tie goes to ";" (German Excel); a single column reads as ",".
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  let i = 0;
  while (text[i] === '\n' || text[i] === '\r') i++;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ';' || c === ',' || c === '\t')) counts[c]++;
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[','] > counts[';'] ? ',' : counts[';'] > 0 ? ';' : ',';
}

/** Splits CSV text into records (RFC 4180, leniently: a stray quote inside an unquoted field is kept as a character). */
export function parseCsv(text: string, delimiter: CsvDelimiter): { records: CsvRecord[]; unclosedQuoteLine?: number } {
  const records: CsvRecord[] = [];
  const d = delimiter.charCodeAt(0);
  let fields: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = text.length;
  const endRecord = (): void => {
    records.push({ line: recordLine, fields });
    fields = [];
  };
  while (i <= n) {
    // One field per pass; `i` is at its first character.
    let start = i;
    while (start < n && text.charCodeAt(start) === 32) start++;
    let value: string;
    if (text.charCodeAt(start) === 34 /* " */) {
      const openLine = line;
      let out = '';
      let j = start + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) {
          out += text.slice(j);
          for (let k = j; k < n; k++) if (text.charCodeAt(k) === 10) line++;
          fields.push(normaliseBreaks(out));
          records.push({ line: recordLine, fields });
          return { records, unclosedQuoteLine: openLine };
        }
        const chunk = text.slice(j, q);
        for (let k = 0; k < chunk.length; k++) if (chunk.charCodeAt(k) === 10) line++;
        out += chunk;
        if (text.charCodeAt(q + 1) === 34) {
          out += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      // Anything between the closing quote and the delimiter is kept (Excel never writes it).
      let k = j;
      while (k < n && !isEnd(text.charCodeAt(k), d)) k++;
      value = normaliseBreaks(out) + text.slice(j, k).trimEnd();
      i = k;
    } else {
      let k = i;
      while (k < n && !isEnd(text.charCodeAt(k), d)) k++;
      value = text.slice(i, k);
      i = k;
    }
    fields.push(value);
    if (i >= n) {
      if (!(fields.length === 1 && fields[0] === '')) endRecord();
      break;
    }
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      continue;
    }
    // A line break: \r\n, \n or a lone \r.
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    line++;
    endRecord();
    recordLine = line;
    if (i >= n) break;
  }
  return { records };
}

function isEnd(c: number, delimiter: number): boolean {
  return c === delimiter || c === 10 || c === 13;
}

function normaliseBreaks(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}

/**
 * Bytes → records. Skips a leading `sep=;` line (Excel's hint) but keeps its line count,
 * so line numbers still match what a spreadsheet program shows.
 */
export function readCsv(bytes: Uint8Array, options: ReadCsvOptions = {}): CsvTable {
  const { text, encoding } = decodeCsv(bytes, options.encoding);
  let body = text;
  let offset = 0;
  let delimiter = options.delimiter;
  const hint = /^sep=([;,\t])\r?\n/i.exec(body);
  if (hint) {
    delimiter ??= hint[1] as CsvDelimiter;
    body = body.slice(hint[0].length);
    offset = 1;
  }
  delimiter ??= detectDelimiter(body);
  const { records, unclosedQuoteLine } = parseCsv(body, delimiter);
  if (offset) for (const r of records) r.line += offset;
  const table: CsvTable = { encoding, delimiter, records };
  if (unclosedQuoteLine !== undefined) table.unclosedQuoteLine = unclosedQuoteLine + offset;
  return table;
}
