/** `pluralise(2, 'more month')` is "2 more months"; `pluralise(1, 'piece')` is "1 piece". */
export function pluralise(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
