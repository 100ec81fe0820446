/** Deeper than any request this system takes; deep enough that nothing legitimate is refused. */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether JSON text nests arrays/objects deeper than `max`, found by scanning the bytes before
 * anything parses them (so a 10,000-level document never reaches a recursive parser or validator).
 * Brackets inside strings do not count; the text need not be well-formed.
 */
export function jsonNestsDeeperThan(bytes: Buffer | string, max = MAX_JSON_DEPTH): boolean {
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < data.length; i++) {
    const c = data[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
