// Autostart: the Desktop Entry content (Exec quoting per the spec) and the Linux entry
// written, kept, respected and removed in a temporary HOME; the Windows login item settings.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  autostartOptedOut,
  desktopEntry,
  linuxAutostartPath,
  quoteExecArg,
  windowsLoginItem,
} from '../../../electron/kiosk/autostart-entry';
import { describeAutostart, syncLinuxAutostart } from '../../../electron/kiosk/autostart-file';

describe('Exec quoting (Desktop Entry spec)', () => {
  it('leaves plain arguments bare', () => {
    expect(quoteExecArg('/opt/wall/one-stop-wall')).toBe('/opt/wall/one-stop-wall');
    expect(quoteExecArg('--kiosk')).toBe('--kiosk');
  });

  it('double-quotes a path with spaces', () => {
    expect(quoteExecArg('/opt/One-Stop Wall/one-stop-wall')).toBe(
      '"/opt/One-Stop Wall/one-stop-wall"',
    );
  });

  it('escapes ", `, $ inside the quotes, and a backslash as four', () => {
    expect(quoteExecArg('/home/a/say "hi"')).toBe('"/home/a/say \\\\"hi\\\\""');
    expect(quoteExecArg('/home/$USER/w')).toBe('"/home/\\\\$USER/w"');
    expect(quoteExecArg('/a`b')).toBe('"/a\\\\`b"');
    expect(quoteExecArg('/a\\b')).toBe('"/a\\\\\\\\b"');
  });

  it('doubles % (field codes) and quotes the other reserved characters', () => {
    expect(quoteExecArg('/tmp/100%')).toBe('/tmp/100%%');
    expect(quoteExecArg("/a/it's")).toBe('"/a/it\'s"');
    expect(quoteExecArg('/a/(b)')).toBe('"/a/(b)"');
    expect(quoteExecArg('/a/b;c&d')).toBe('"/a/b;c&d"');
    expect(quoteExecArg('')).toBe('""');
  });

  it('writes a newline as the string escape \\n, never a real line break', () => {
    expect(quoteExecArg('/a\nb')).toBe('"/a\\nb"');
  });
});

describe('desktopEntry', () => {
  it('starts the given file with --kiosk and is enabled for GNOME', () => {
    const text = desktopEntry('/home/an/Apps/One-Stop Wall.AppImage');
    const lines = text.split('\n');
    expect(lines[0]).toBe('[Desktop Entry]');
    expect(lines).toContain('Type=Application');
    expect(lines).toContain('Exec="/home/an/Apps/One-Stop Wall.AppImage" --kiosk');
    expect(lines).toContain('X-GNOME-Autostart-enabled=true');
    expect(text.endsWith('\n')).toBe(true);
  });
});

describe('settings from the environment', () => {
  it('opts out with ONE_STOP_WALL_NO_AUTOSTART, except for empty, 0, false or no', () => {
    expect(autostartOptedOut({})).toBe(false);
    for (const value of ['1', 'true', 'yes', 'anything']) {
      expect(autostartOptedOut({ ONE_STOP_WALL_NO_AUTOSTART: value })).toBe(true);
    }
    for (const value of ['', '0', 'false', 'No ']) {
      expect(autostartOptedOut({ ONE_STOP_WALL_NO_AUTOSTART: value })).toBe(false);
    }
  });

  it('gives the Windows login item with --kiosk, off when opted out', () => {
    expect(windowsLoginItem({})).toEqual({ openAtLogin: true, args: ['--kiosk'] });
    expect(windowsLoginItem({ ONE_STOP_WALL_NO_AUTOSTART: '1' })).toEqual({
      openAtLogin: false,
      args: ['--kiosk'],
    });
  });

  it('uses an absolute XDG_CONFIG_HOME, else ~/.config', () => {
    expect(linuxAutostartPath({ XDG_CONFIG_HOME: '/cfg' }, '/home/a')).toBe(
      '/cfg/autostart/one-stop-wall.desktop',
    );
    expect(linuxAutostartPath({}, '/home/a')).toBe(
      '/home/a/.config/autostart/one-stop-wall.desktop',
    );
    expect(linuxAutostartPath({ XDG_CONFIG_HOME: 'relative' }, '/home/a')).toBe(
      '/home/a/.config/autostart/one-stop-wall.desktop',
    );
  });
});

describe('syncLinuxAutostart in a temporary HOME', () => {
  let home: string;
  const entry = () => join(home, '.config', 'autostart', 'one-stop-wall.desktop');
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'wall home '));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('writes the entry for the AppImage, creating the folders, and leaves no temporary file', () => {
    const env = { APPIMAGE: join(home, 'Apps', 'One-Stop Wall.AppImage') };
    const result = syncLinuxAutostart({ env, home, execPath: '/tmp/.mount_x/one-stop-wall' });
    expect(result).toEqual({ action: 'written', path: entry() });
    expect(readFileSync(entry(), 'utf8')).toContain(`Exec="${env.APPIMAGE}" --kiosk\n`);
    expect(readdirSync(join(home, '.config', 'autostart'))).toEqual(['one-stop-wall.desktop']);
    expect(describeAutostart(result)).toBe(`autostart: entry written: ${entry()}`);
  });

  it('falls back to the executable, and rewrites only when the content changes', () => {
    const first = { env: {}, home, execPath: '/opt/One-Stop Wall/one-stop-wall' };
    expect(syncLinuxAutostart(first).action).toBe('written');
    expect(syncLinuxAutostart(first).action).toBe('unchanged');
    const moved = { ...first, execPath: '/opt/wall/one-stop-wall' };
    expect(syncLinuxAutostart(moved).action).toBe('written');
    expect(readFileSync(entry(), 'utf8')).toContain('Exec=/opt/wall/one-stop-wall --kiosk\n');
  });

  it('writes under XDG_CONFIG_HOME when it is set', () => {
    const config = join(home, 'xdg config');
    const result = syncLinuxAutostart({ env: { XDG_CONFIG_HOME: config }, home, execPath: '/w' });
    expect(result.path).toBe(join(config, 'autostart', 'one-stop-wall.desktop'));
    expect(existsSync(result.path)).toBe(true);
  });

  it('removes the entry when opted out, and says so once it is gone', () => {
    syncLinuxAutostart({ env: {}, home, execPath: '/w' });
    const optOut = { env: { ONE_STOP_WALL_NO_AUTOSTART: '1' }, home, execPath: '/w' };
    expect(syncLinuxAutostart(optOut).action).toBe('removed');
    expect(existsSync(entry())).toBe(false);
    expect(syncLinuxAutostart(optOut).action).toBe('absent');
  });

  it('leaves an entry the user switched off in the desktop settings', () => {
    mkdirSync(join(home, '.config', 'autostart'), { recursive: true });
    const off = desktopEntry('/w').replace('enabled=true', 'enabled=false');
    writeFileSync(entry(), off);
    expect(syncLinuxAutostart({ env: {}, home, execPath: '/w' }).action).toBe('disabled-by-user');
    expect(readFileSync(entry(), 'utf8')).toBe(off);
  });
});
