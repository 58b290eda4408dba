// Writes or removes the Linux autostart entry. Atomic (a temporary file renamed over the
// entry), so a wall switched off mid-write never leaves a half entry that the session ignores;
// unchanged content is left alone. Home and environment come in as arguments, so tests run
// it in a temporary HOME.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  autostartOptedOut,
  desktopEntry,
  disabledByUser,
  linuxAutostartPath,
  linuxExecutable,
} from './autostart-entry';

export interface LinuxAutostartInput {
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  execPath: string;
}

export type AutostartAction = 'written' | 'unchanged' | 'removed' | 'absent' | 'disabled-by-user';

export interface AutostartResult {
  action: AutostartAction;
  path: string;
}

export function syncLinuxAutostart(input: LinuxAutostartInput): AutostartResult {
  const path = linuxAutostartPath(input.env, input.home);
  const existing = readOrNull(path);
  if (autostartOptedOut(input.env)) {
    if (existing === null) return { action: 'absent', path };
    rmSync(path, { force: true });
    return { action: 'removed', path };
  }
  // Switched off in the desktop's Startup Applications: the user's choice stands.
  if (existing !== null && disabledByUser(existing)) return { action: 'disabled-by-user', path };
  const content = desktopEntry(linuxExecutable(input.env, input.execPath));
  if (existing === content) return { action: 'unchanged', path };
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content, { mode: 0o644 });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return { action: 'written', path };
}

export function describeAutostart(result: AutostartResult): string {
  const what: Record<AutostartAction, string> = {
    written: 'entry written',
    unchanged: 'entry up to date',
    removed: 'entry removed (ONE_STOP_WALL_NO_AUTOSTART)',
    absent: 'off (ONE_STOP_WALL_NO_AUTOSTART)',
    'disabled-by-user': 'entry switched off in the desktop settings; left as it is',
  };
  return `autostart: ${what[result.action]}: ${result.path}`;
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
