// Starting the wall with the session. Linux: an XDG autostart entry the app writes itself
// (the AppImage has no installer to do it). Windows: the login item Electron writes. Both
// start the app with --kiosk. IT opts a PC out with ONE_STOP_WALL_NO_AUTOSTART, which also
// removes what an earlier run wrote. Pure: the file writer and the glue do the I/O.
import { isAbsolute, join } from 'node:path';

export const NO_AUTOSTART_ENV = 'ONE_STOP_WALL_NO_AUTOSTART';
export const AUTOSTART_FILE_NAME = 'one-stop-wall.desktop';
export const AUTOSTART_ARGS: readonly string[] = ['--kiosk'];

type Env = Readonly<Record<string, string | undefined>>;

/** Set to anything but '', '0', 'false' or 'no' (any case), the variable opts out. */
export function autostartOptedOut(env: Env): boolean {
  const value = env[NO_AUTOSTART_ENV]?.trim().toLowerCase();
  return value !== undefined && !['', '0', 'false', 'no'].includes(value);
}

/** For app.setLoginItemSettings; openAtLogin false removes the entry. */
export function windowsLoginItem(env: Env): { openAtLogin: boolean; args: string[] } {
  return { openAtLogin: !autostartOptedOut(env), args: [...AUTOSTART_ARGS] };
}

/** $XDG_CONFIG_HOME/autostart/…, or ~/.config/autostart/… (a relative XDG_CONFIG_HOME is ignored, per the spec). */
export function linuxAutostartPath(env: Env, home: string): string {
  const configured = env.XDG_CONFIG_HOME;
  const configHome = configured && isAbsolute(configured) ? configured : join(home, '.config');
  return join(configHome, 'autostart', AUTOSTART_FILE_NAME);
}

/** The file to start: the AppImage itself (process.execPath lies inside its temporary mount). */
export function linuxExecutable(env: Env, execPath: string): string {
  return env.APPIMAGE || execPath;
}

// Desktop Entry spec, Exec key: these characters force an argument into double quotes.
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/**
 * One Exec argument. Inside double quotes ", `, $ and \ take a backslash; then the general
 * string escapes apply on top (so a literal backslash ends up as four), and % is doubled
 * because Exec gives it meaning (%f, %u…).
 */
export function quoteExecArg(arg: string): string {
  const quoted = RESERVED.test(arg) || arg === '' ? `"${arg.replace(/["`$\\]/g, '\\$&')}"` : arg;
  return escapeString(quoted).replace(/%/g, '%%');
}

/** The spec's escapes for string values: backslash, newline, tab, carriage return. */
export function escapeString(value: string): string {
  return value.replace(/[\\\n\t\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\t' ? '\\t' : '\\r',
  );
}

export function desktopEntry(executable: string, args: readonly string[] = AUTOSTART_ARGS): string {
  const exec = [executable, ...args].map(quoteExecArg).join(' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=One-Stop Wall',
    'Comment=Video wall for the service centre, started with the session',
    'Comment[vi]=Màn hình camera của trung tâm, tự chạy khi đăng nhập',
    `Exec=${exec}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** True when the user (or GNOME's Startup Applications) switched an existing entry off. */
export function disabledByUser(content: string): boolean {
  return /^(X-GNOME-Autostart-enabled\s*=\s*false|Hidden\s*=\s*true)\s*$/m.test(content);
}
