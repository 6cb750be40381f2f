import type { ReferenceLevel } from '../progression.types.js';

/** "Advanced level", "Social worker level": a level's name as it reads in "at … or above". */
export function levelPhrase(level: Pick<ReferenceLevel, 'name'>): string {
  return /\blevel$/i.test(level.name) ? level.name : `${level.name} level`;
}
