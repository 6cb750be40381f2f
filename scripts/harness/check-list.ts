/** One pass/fail line of a check script (resilience, multi-instance). */
export interface Check {
  name: string;
  passed: boolean;
  detail: string;
}

/** The checks a script has made so far, and the function that records and prints one. */
export function createCheckList(): {
  checks: Check[];
  check(name: string, passed: boolean, detail: string): void;
} {
  const checks: Check[] = [];
  return {
    checks,
    check(name, passed, detail) {
      checks.push({ name, passed, detail });
      console.log(`  ${passed ? 'PASS' : 'FAIL'}  ${name}: ${detail}`);
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
