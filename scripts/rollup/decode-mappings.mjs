// Source maps, read back: the counterpart of splice.mjs's encoding.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Map([...B64].map((c, i) => [c, i]));

/**
 * A v3 source map's `mappings` decoded by hand (no dependency): per generated line, its
 * segments `{ genCol, src?, line?, col?, name? }` with absolute (0-based) values.
 * Used by the benchmark's profiles (bench/profile.mjs) and the splice tests.
 */
export function decodeMappings(mappings) {
  const lines = [];
  let src = 0;
  let srcLine = 0;
  let srcCol = 0;
  let name = 0;
  for (const lineText of mappings.split(';')) {
    const segments = [];
    let genCol = 0;
    if (lineText) {
      for (const segText of lineText.split(',')) {
        const fields = [];
        let value = 0;
        let shift = 0;
        for (const c of segText) {
          const digit = B64_VALUE.get(c);
          value += (digit & 31) << shift;
          if (digit & 32) shift += 5;
          else {
            fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
            value = 0;
            shift = 0;
          }
        }
        genCol += fields[0];
        const seg = { genCol };
        if (fields.length >= 4) {
          src += fields[1];
          srcLine += fields[2];
          srcCol += fields[3];
          Object.assign(seg, { src, line: srcLine, col: srcCol });
          if (fields.length >= 5) {
            name += fields[4];
            seg.name = name;
          }
        }
        segments.push(seg);
      }
    }
    lines.push(segments);
  }
  return lines;
}
