import { readFileSync } from 'node:fs';

export interface ProcessMemory {
  /** Resident set size now, in MiB. */
  rssMiB: number;
  /** The highest resident set size so far (VmHWM), in MiB. */
  peakRssMiB: number;
}

/** Reads a Linux process's resident memory from /proc/<pid>/status; null once it has ended. */
export function readProcessMemory(pid: number): ProcessMemory | null {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kib('VmRSS') / 1024, peakRssMiB: kib('VmHWM') / 1024 };
}

/** Samples a process's memory on an interval; `stop` returns the highest RSS seen and the kernel's peak. */
export function sampleProcessMemory(pid: number, intervalMs = 200) {
  let highest = 0;
  let peak = 0;
  const take = () => {
    const m = readProcessMemory(pid);
    if (m) {
      highest = Math.max(highest, m.rssMiB);
      peak = Math.max(peak, m.peakRssMiB);
    }
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    /** Highest RSS sampled since the last reset. */
    window(): number {
      const h = highest;
      highest = readProcessMemory(pid)?.rssMiB ?? 0;
      return h;
    },
    stop(): { highestRssMiB: number; peakRssMiB: number } {
      take();
      clearInterval(timer);
      return { highestRssMiB: highest, peakRssMiB: peak };
    },
  };
}
