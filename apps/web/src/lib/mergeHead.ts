/**
 * Merges the list's first page, fetched again, into what is shown: rows it holds are refreshed,
 * rows new to it are placed where the page puts them, rows that left it (changed ones only) are dropped.
 * Rows the reader loaded further down stay as they are.
 */
export function mergeHead<T extends { id: string }>(items: T[], head: T[], changed: ReadonlySet<string>, complete: boolean): T[] {
  if (complete) return head;
  const fresh = new Map(head.map((row) => [row.id, row]));
  const known = new Set(items.map((row) => row.id));
  const lastHeadIndex = items.findIndex((row) => row.id === head[head.length - 1]?.id);
  const kept = items.filter((row, index) => fresh.has(row.id) || !changed.has(row.id) || (lastHeadIndex >= 0 && index > lastHeadIndex));
  const next = kept.map((row) => fresh.get(row.id) ?? row);
  head.forEach((row, index) => {
    if (known.has(row.id)) return;
    const after = head.slice(index + 1).find((later) => next.some((existing) => existing.id === later.id));
    const at = after ? next.findIndex((existing) => existing.id === after.id) : Math.min(next.length, index);
    next.splice(at, 0, row);
  });
  return next;
}
