// Keeps the renderer's PC check result (pc-check.json beside the health log) and answers the
// full report: that result with the disk and clock facts read now. A file that cannot be read
// or written costs the kept result, never the wall.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PcCheckReport, RendererPcCheck } from '../../contract/pc-check';
import type { Result } from '../../contract/wall-contract';
import { parseRendererPcCheck } from './pc-check-payload';
import { clockCheck, diskCheck } from './pc-facts';

const FILE = 'pc-check.json';

export class PcCheckKeeper {
  private kept: RendererPcCheck | null;

  constructor(
    private readonly options: {
      /** The health log's folder; null keeps the result in memory only. */
      dir: string | null;
      lastLogEntry: () => number | null;
      log: (line: string) => void;
      now?: () => number;
    },
  ) {
    this.kept = this.load();
  }

  report(): PcCheckReport {
    const now = (this.options.now ?? Date.now)();
    return {
      renderer: this.kept,
      persistent: this.options.dir !== null,
      disk: diskCheck(this.options.dir),
      clock: clockCheck(now, this.options.lastLogEntry()),
    };
  }

  save(payload: unknown): Result<PcCheckReport> {
    const parsed = parseRendererPcCheck(payload);
    if (!parsed.ok) return parsed;
    this.kept = parsed.value;
    const { dir } = this.options;
    if (dir !== null) {
      try {
        // Written aside and renamed, so a power cut leaves the old result or the new one.
        const file = join(dir, FILE);
        writeFileSync(`${file}.tmp`, JSON.stringify(parsed.value));
        renameSync(`${file}.tmp`, file);
      } catch (error) {
        this.options.log(`pc check: the result cannot be kept in ${dir} (${String(error)})`);
      }
    }
    const d = parsed.value.decode;
    this.options.log(
      `pc check: ${d.tiles} tiles of ${d.clip.width}x${d.clip.height}@${d.clip.fps} at full rate; H.264 MSE ${parsed.value.codecs.h264.mse}, H.265 MSE ${parsed.value.codecs.h265.mse}`,
    );
    return { ok: true, value: this.report() };
  }

  private load(): RendererPcCheck | null {
    if (this.options.dir === null) return null;
    let text: string;
    try {
      text = readFileSync(join(this.options.dir, FILE), 'utf8');
    } catch {
      return null; // never run yet
    }
    try {
      const parsed = parseRendererPcCheck(JSON.parse(text));
      return parsed.ok ? parsed.value : null;
    } catch {
      return null;
    }
  }
}
