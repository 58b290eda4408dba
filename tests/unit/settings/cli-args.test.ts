import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../electron/settings/cli-args';

describe('parseCliArgs', () => {
  it('has no config file and no port by default', () => {
    expect(parseCliArgs([])).toMatchObject({ configFile: null, port: null });
  });

  it('reads --config and --port as separate or inline values', () => {
    expect(parseCliArgs(['--config', '/etc/wall.json', '--port', '4780'])).toMatchObject({
      configFile: '/etc/wall.json',
      port: 4780,
    });
    expect(parseCliArgs(['--config=/etc/wall.json', '--port=0'])).toMatchObject({
      configFile: '/etc/wall.json',
      port: 0,
    });
  });

  it('keeps "=" inside an inline value', () => {
    expect(parseCliArgs(['--config=C:\\a=b\\wall.json']).configFile).toBe('C:\\a=b\\wall.json');
  });

  it('ignores arguments it does not know (Electron and Chromium add their own)', () => {
    expect(
      parseCliArgs(['--no-sandbox', '.', '--enable-logging', '--config', 'w.json']),
    ).toMatchObject({
      configFile: 'w.json',
      port: null,
    });
  });

  it('refuses a missing or empty value', () => {
    expect(() => parseCliArgs(['--config'])).toThrow('--config needs a value');
    expect(() => parseCliArgs(['--config='])).toThrow('--config needs a value');
    expect(() => parseCliArgs(['--port'])).toThrow('--port needs a value');
  });

  it('does not take the next option as a value', () => {
    expect(() => parseCliArgs(['--config', '--port', '4780'])).toThrow('--config needs a value');
  });

  it('refuses a port that is not a port number', () => {
    for (const port of ['-1', '65536', '80.5', 'http', '1e3']) {
      expect(() => parseCliArgs(['--port', port]), port).toThrow(/--port must be a port number/);
    }
  });
});

describe('--protect-config', () => {
  it('names the file whose secrets to protect, and is off by default', () => {
    expect(parseCliArgs([]).protectConfig).toBeNull();
    expect(parseCliArgs(['--protect-config', 'wall.json']).protectConfig).toBe('wall.json');
    expect(() => parseCliArgs(['--protect-config'])).toThrow(/needs a value/);
  });
});
