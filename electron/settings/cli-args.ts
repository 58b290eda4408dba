// Command-line options shared by the Electron app and the preview host.

export interface CliOptions {
  configFile: string | null;
  port: number | null;
  /** `--protect-config FILE`: encrypt the file's secrets for this PC, then exit. */
  protectConfig: string | null;
  /** `--reset-pin`: forget the staff PIN (for staff who forgot it; needs the PC itself). */
  resetPin: boolean;
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    configFile: null,
    port: null,
    protectConfig: null,
    resetPin: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [name, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      // `--config --port 80` forgot the file name; it must not read "--port" as one.
      if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) {
        throw new Error(`${name} needs a value`);
      }
      return v;
    };
    if (name === '--reset-pin') options.resetPin = true;
    else if (name === '--config') options.configFile = value();
    else if (name === '--protect-config') options.protectConfig = value();
    else if (name === '--port') {
      const raw = value();
      const port = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new Error('--port must be a port number (0 for any free port)');
      }
      options.port = port;
    }
  }
  return options;
}
