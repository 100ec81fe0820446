/** Taxonomy names carry their scope in brackets or after a colon ("食品（…）", "假冒伪劣：…"); lists show the head only. */
export function shortName(name: string): string {
  return name.split(/[（(：:]/)[0].trim() || name;
}
