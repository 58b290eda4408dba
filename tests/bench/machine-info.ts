// The machine the numbers come from, printed above the tables and saved with them.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { Machine } from './results';

export function machineInfo(chromium: string): Machine {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match?.[1]) cpuModel = match[1].trim();
  } catch {
    // not Linux: os.cpus() will do
  }
  return {
    cpuModel,
    cores: os.cpus().length,
    ramGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium,
    kernel: `${os.type()} ${os.release()}`,
  };
}
