// CPU and memory of process groups from /proc: utime+stime deltas over a window (per cent of
// one core) and proportional set size (PSS, so Chromium's shared pages are not counted once per
// process). Linux only, like the rest of the benchmark.
import { readFileSync, readdirSync } from 'node:fs';

const CLOCK_TICKS = 100; // USER_HZ on Linux, fixed by the kernel ABI
const PAGE_BYTES = 4096;

interface ProcInfo {
  pid: number;
  ppid: number;
  ticks: number;
  rssBytes: number;
}

function readStat(pid: number): ProcInfo | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm may hold spaces and parentheses: fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    const ticks = Number(fields[11]) + Number(fields[12]);
    const rssBytes = Number(fields[21]) * PAGE_BYTES;
    return { pid, ppid, ticks, rssBytes };
  } catch {
    return null; // exited meanwhile
  }
}

function pssBytes(pid: number, fallback: number): number {
  try {
    const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const match = /^Pss:\s+(\d+) kB/m.exec(text);
    return match ? Number(match[1]) * 1024 : fallback;
  } catch {
    return fallback;
  }
}

export function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** Every live descendant of `root` (not root itself). */
export function descendants(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const info = readStat(Number(name));
    if (!info) continue;
    const list = parents.get(info.ppid) ?? [];
    list.push(info.pid);
    parents.set(info.ppid, list);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    for (const child of parents.get(pid) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

export type GroupName = 'browser' | 'host' | 'others';

/** Sorts our descendants into the browser, the wall's host process, and everything else. */
export function classify(hostPids: readonly number[]): Map<number, GroupName> {
  const groups = new Map<number, GroupName>();
  const hostTree = new Set<number>();
  for (const pid of hostPids) {
    hostTree.add(pid);
    for (const d of descendants(pid)) hostTree.add(d);
  }
  for (const pid of descendants(process.pid)) {
    if (hostTree.has(pid)) groups.set(pid, 'host');
    else if (/chrom/i.test(cmdline(pid).split(' ')[0] ?? '')) groups.set(pid, 'browser');
    else groups.set(pid, 'others');
  }
  return groups;
}

export interface GroupUsage {
  /** Per cent of one core over the window. */
  cpuPct: number;
  /** PSS at the end of the window, MB. */
  memMb: number;
  processes: number;
}

export type Usage = Record<GroupName, GroupUsage>;

export interface CpuWindow {
  /** Ends the window: usage per group since it started. */
  stop(): Usage;
}

/** Starts a measurement window over our descendants, grouped by `classify`. */
export function startCpuWindow(hostPids: () => readonly number[]): CpuWindow {
  const startedAt = performance.now();
  const startTicks = new Map<number, number>();
  for (const pid of descendants(process.pid)) {
    const info = readStat(pid);
    if (info) startTicks.set(pid, info.ticks);
  }
  return {
    stop() {
      const seconds = (performance.now() - startedAt) / 1000;
      const groups = classify(hostPids());
      const usage: Usage = {
        browser: { cpuPct: 0, memMb: 0, processes: 0 },
        host: { cpuPct: 0, memMb: 0, processes: 0 },
        others: { cpuPct: 0, memMb: 0, processes: 0 },
      };
      for (const [pid, group] of groups) {
        const info = readStat(pid);
        if (!info) continue;
        // A process born inside the window counts from zero.
        const delta = info.ticks - (startTicks.get(pid) ?? 0);
        const g = usage[group];
        g.cpuPct += (delta / CLOCK_TICKS / seconds) * 100;
        g.memMb += pssBytes(pid, info.rssBytes) / 1e6;
        g.processes += 1;
      }
      return usage;
    },
  };
}

/** CPU (% of one core) and PSS of an explicit set of processes over a window. */
export function startPidsWindow(pids: () => readonly number[]): { stop(): GroupUsage } {
  const startedAt = performance.now();
  const startTicks = new Map<number, number>();
  for (const pid of pids()) {
    const info = readStat(pid);
    if (info) startTicks.set(pid, info.ticks);
  }
  return {
    stop() {
      const seconds = (performance.now() - startedAt) / 1000;
      const usage: GroupUsage = { cpuPct: 0, memMb: 0, processes: 0 };
      for (const pid of pids()) {
        const info = readStat(pid);
        if (!info) continue;
        usage.cpuPct += ((info.ticks - (startTicks.get(pid) ?? 0)) / CLOCK_TICKS / seconds) * 100;
        usage.memMb += pssBytes(pid, info.rssBytes) / 1e6;
        usage.processes += 1;
      }
      return usage;
    },
  };
}
