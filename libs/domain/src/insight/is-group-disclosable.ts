/**
 * Whether figures about a group may be broken down (by stage, level, domain, reviewer…) without
 * pointing at a person: only when the group has at least `minGroupSize` people.
 */
export function isGroupDisclosable(people: number, minGroupSize: number): boolean {
  return people >= minGroupSize;
}
