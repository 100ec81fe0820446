/**
 * Text PostgreSQL cannot store and no person typed: a NUL character, or half of a UTF-16
 * surrogate pair. Both are refused as invalid input (422 naming the field), wherever text enters.
 */
const INVALID_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function invalidTextProblem(value: string): string | null {
  const match = INVALID_TEXT.exec(value);
  if (!match) return null;
  if (match[0] === '\u0000') return `contains a NUL character (U+0000) at ${match.index}`;
  const unit = match[0].charCodeAt(0).toString(16).toUpperCase();
  return `contains an unpaired surrogate (U+${unit}) at ${match.index}: not valid Unicode text`;
}

export interface InvalidTextFinding {
  field: string;
  message: string;
}

/**
 * The first string (or object key) in a value that is not valid text, with its path
 * (`reporter.name`, `items[2].text`). Stops at `maxDepth` levels, which bounded parsing never exceeds.
 */
export function findInvalidText(value: unknown, path = '', maxDepth = 64): InvalidTextFinding | null {
  if (typeof value === 'string') {
    const problem = invalidTextProblem(value);
    return problem ? { field: path || '(value)', message: problem } : null;
  }
  if (maxDepth <= 0 || value === null || typeof value !== 'object' || Buffer.isBuffer(value) || value instanceof Date) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findInvalidText(value[i], `${path}[${i}]`, maxDepth - 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const field = path ? `${path}.${key}` : key;
    const keyProblem = invalidTextProblem(key);
    if (keyProblem) return { field: path || '(value)', message: `has a field name that ${keyProblem}` };
    const found = findInvalidText(child, field, maxDepth - 1);
    if (found) return found;
  }
  return null;
}
