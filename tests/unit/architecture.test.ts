// The layering rules, checked over the source text: only electron/main and electron/preload
// import `electron`; the renderer imports no Node builtin and nothing from electron/ but the
// contract (at runtime: Vite bundles it); the contract imports nothing outside itself, so it
// bundles into the sandboxed preload and the page. Failures name file:line so the fix is
// obvious.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

interface ImportRef {
  specifier: string;
  line: number;
  typeOnly: boolean;
}

// import … from 'x' | import 'x' | export … from 'x' | import('x') | require('x')
const IMPORT_RE =
  /(?:^|[;\n}])\s*(import|export)\s+(type\s+)?(?:[\w*\s{},$]*?\s+from\s+)?['"]([^'"]+)['"]|\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(source: string): ImportRef[] {
  // Blank out comments (keeping line breaks) so commented-out imports do not count.
  const text = source
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"])\/\/.*$/gm, (c, keep: string) => keep + ' '.repeat(c.length - keep.length));
  const refs: ImportRef[] = [];
  for (const match of text.matchAll(IMPORT_RE)) {
    const specifier = match[3] ?? match[4];
    if (!specifier) continue;
    const at = text.indexOf(specifier, match.index);
    refs.push({
      specifier,
      line: text.slice(0, at).split('\n').length,
      typeOnly: Boolean(match[2]),
    });
  }
  return refs;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split(sep).join('/'));
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isNodeBuiltin = (s: string) => s.startsWith('node:') || NODE_BUILTINS.has(s.split('/')[0]!);

function electronImportViolations(file: string, source: string): string[] {
  if (/^electron\/(main|preload)\//.test(file)) return [];
  return importsOf(source)
    .filter(
      (ref) =>
        (ref.specifier === 'electron' || ref.specifier.startsWith('electron/')) && !ref.typeOnly,
    )
    .map((ref) => `${file}:${ref.line} imports 'electron'`);
}

function rendererImportViolations(file: string, source: string): string[] {
  const problems: string[] = [];
  for (const ref of importsOf(source)) {
    const where = `${file}:${ref.line}`;
    if (ref.specifier === 'electron' || ref.specifier.startsWith('electron/')) {
      if (!ref.typeOnly) problems.push(`${where} imports 'electron'`);
    } else if (isNodeBuiltin(ref.specifier)) {
      problems.push(`${where} imports the Node builtin '${ref.specifier}'`);
    } else if (ref.specifier.startsWith('.')) {
      const target = relative(ROOT, resolve(ROOT, dirname(file), ref.specifier))
        .split(sep)
        .join('/');
      if (!target.startsWith('electron/')) continue;
      if (!target.startsWith('electron/contract/')) {
        problems.push(`${where} imports ${target}; the renderer may only import electron/contract`);
      }
    }
  }
  return problems;
}

function contractImportViolations(file: string, source: string): string[] {
  return importsOf(source)
    .filter((ref) => {
      if (!ref.specifier.startsWith('./')) return true;
      const target = relative(ROOT, resolve(ROOT, dirname(file), ref.specifier));
      return !target.split(sep).join('/').startsWith('electron/contract/');
    })
    .map((ref) => `${file}:${ref.line} imports '${ref.specifier}'; the contract imports nothing`);
}

/**
 * The layer table: each layer (a folder, matched by the longest prefix) and the layers it may
 * import besides itself. Data flows one way: a layer never imports one above it.
 */
const LAYERS: Record<string, readonly string[]> = {
  'electron/contract': [],
  'electron/logging': [],
  'electron/schedule': ['electron/contract'],
  'electron/settings': [
    'electron/contract',
    'electron/logging',
    'electron/schedule',
    'electron/staff',
  ],
  'electron/kiosk': ['electron/contract', 'electron/logging'],
  'electron/staff': ['electron/contract', 'electron/logging'],
  'electron/streams/bytes': [],
  'electron/streams/codecs': ['electron/streams/bytes'],
  'electron/streams/flv': ['electron/streams/bytes', 'electron/streams/codecs'],
  'electron/streams/core': [
    'electron/contract',
    'electron/logging',
    'electron/settings',
    'electron/streams/bytes',
    'electron/streams/codecs',
    'electron/streams/flv',
  ],
  'electron/streams/protocols': [
    'electron/contract',
    'electron/logging',
    'electron/settings',
    'electron/streams/bytes',
    'electron/streams/codecs',
    'electron/streams/flv',
    'electron/streams/core',
  ],
  // The resolver sits on top of the streams domain: settings in, the broker's resolver out.
  'electron/streams': [
    'electron/contract',
    'electron/logging',
    'electron/settings',
    'electron/streams/core',
    'electron/streams/protocols',
  ],
  'electron/health': ['electron/contract', 'electron/logging', 'electron/schedule'],
  'electron/provisioning': [
    'electron/contract',
    'electron/logging',
    'electron/schedule',
    'electron/settings',
  ],
  'electron/gateway': ['electron/contract', 'electron/logging', 'electron/streams/core'],
  'electron/services': [
    'electron/contract',
    'electron/logging',
    'electron/schedule',
    'electron/settings',
    'electron/streams',
    'electron/streams/core',
    'electron/health',
    'electron/provisioning',
    'electron/staff',
    'electron/gateway',
  ],
  // The hosts: each provides what differs and starts the wall through services/start-wall.ts.
  'electron/preload': ['electron/contract'],
  'electron/preview-host': [
    'electron/contract',
    'electron/logging',
    'electron/settings',
    'electron/gateway',
    'electron/services',
  ],
  'electron/main': [
    'electron/contract',
    'electron/logging',
    'electron/settings',
    'electron/kiosk',
    'electron/gateway',
    'electron/services',
  ],
};

function layerOf(file: string): string | null {
  let best: string | null = null;
  for (const layer of Object.keys(LAYERS)) {
    if ((file === layer || file.startsWith(`${layer}/`)) && layer.length > (best?.length ?? 0)) {
      best = layer;
    }
  }
  return best;
}

function layerViolations(file: string, source: string): string[] {
  const own = layerOf(file);
  if (own === null) return [`${file} is in no layer of the table; add its folder`];
  const allowed = new Set([own, ...(LAYERS[own] ?? [])]);
  const problems: string[] = [];
  for (const ref of importsOf(source)) {
    if (!ref.specifier.startsWith('.')) continue;
    const target = relative(ROOT, resolve(ROOT, dirname(file), ref.specifier))
      .split(sep)
      .join('/');
    const layer = layerOf(target);
    if (layer === null || allowed.has(layer)) continue;
    problems.push(`${file}:${ref.line} (${own}) imports ${target} (${layer}), which it may not`);
  }
  return problems;
}

describe('the import checker itself', () => {
  it('finds value, side-effect, re-export, dynamic and require imports with their lines', () => {
    const source = [
      "import { app } from 'electron';",
      "import type { IpcMain } from 'electron';",
      '// import { shell } from "electron";',
      "import 'node:fs';",
      'import {',
      '  readFile,',
      "} from 'fs';",
      "export { x } from './y';",
      "const m = await import('child_process');",
      "const o = require('os');",
    ].join('\n');
    expect(importsOf(source).map((r) => [r.specifier, r.line, r.typeOnly])).toEqual([
      ['electron', 1, false],
      ['electron', 2, true],
      ['node:fs', 4, false],
      ['fs', 7, false],
      ['./y', 8, false],
      ['child_process', 9, false],
      ['os', 10, false],
    ]);
  });

  it('flags electron outside main/preload, with file:line, and allows import type', () => {
    const source = "import type { App } from 'electron';\nimport { app } from 'electron';\n";
    expect(electronImportViolations('electron/streams/x.ts', source)).toEqual([
      "electron/streams/x.ts:2 imports 'electron'",
    ]);
    expect(electronImportViolations('electron/main/x.ts', source)).toEqual([]);
    expect(electronImportViolations('electron/preload/index.ts', source)).toEqual([]);
  });

  it('flags Node builtins and non-contract electron/ modules in the renderer', () => {
    const file = 'renderer/src/grid/tile.tsx';
    const source = [
      "import type { WallSnapshot } from '../../../electron/contract/wall-contract';",
      "import { streamUrl } from '../../../electron/contract/stream-path';",
      "import { redactUrl } from '../../../electron/streams/auth/redact-url';",
      "import path from 'path';",
      "import { createHash } from 'node:crypto';",
      "import { create } from 'zustand';",
    ].join('\n');
    expect(rendererImportViolations(file, source)).toEqual([
      `${file}:3 imports electron/streams/auth/redact-url; the renderer may only import electron/contract`,
      `${file}:4 imports the Node builtin 'path'`,
      `${file}:5 imports the Node builtin 'node:crypto'`,
    ]);
  });

  it('flags any import in the contract but its own siblings', () => {
    const file = 'electron/contract/x.ts';
    const source = [
      "import type { Locale } from './locales';",
      "import { LAYOUT_PRESETS } from './layout-presets';",
      "import { readFile } from 'node:fs';",
      "import { parseSettings } from '../settings/validate-settings';",
      "import { create } from 'zustand';",
    ].join('\n');
    expect(contractImportViolations(file, source)).toEqual([
      `${file}:3 imports 'node:fs'; the contract imports nothing`,
      `${file}:4 imports '../settings/validate-settings'; the contract imports nothing`,
      `${file}:5 imports 'zustand'; the contract imports nothing`,
    ]);
  });
});

describe('the layer table', () => {
  it('names every layer it allows, and no layer allows one that may import it back', () => {
    for (const [layer, allowed] of Object.entries(LAYERS)) {
      for (const other of allowed) {
        expect(Object.keys(LAYERS), `${layer} allows ${other}`).toContain(other);
        expect(LAYERS[other], `${layer} and ${other} import each other`).not.toContain(layer);
      }
    }
  });

  it('flags an import that points up the table, with file:line', () => {
    const source = [
      "import { LoopbackGateway } from '../gateway/loopback-gateway';",
      "import type { Quality } from '../../contract/wall-contract';",
      "import { FlvReader } from '../flv/flv-reader';",
      "import { WallService } from '../../services/wall-service';",
    ].join('\n');
    expect(layerViolations('electron/streams/codecs/x.ts', source)).toEqual([
      'electron/streams/codecs/x.ts:1 (electron/streams/codecs) imports electron/streams/gateway/loopback-gateway (electron/streams), which it may not',
      'electron/streams/codecs/x.ts:2 (electron/streams/codecs) imports electron/contract/wall-contract (electron/contract), which it may not',
      'electron/streams/codecs/x.ts:3 (electron/streams/codecs) imports electron/streams/flv/flv-reader (electron/streams/flv), which it may not',
      'electron/streams/codecs/x.ts:4 (electron/streams/codecs) imports electron/services/wall-service (electron/services), which it may not',
    ]);
    expect(
      layerViolations(
        'electron/gateway/x.ts',
        "import { S } from '../streams/core/stream-broker';",
      ),
    ).toEqual([]);
    expect(layerViolations('electron/newdomain/x.ts', '')).toEqual([
      'electron/newdomain/x.ts is in no layer of the table; add its folder',
    ]);
  });
});

describe('architecture', () => {
  const electronFiles = sourceFiles('electron');
  const rendererFiles = sourceFiles('renderer');

  it('finds the source files', () => {
    expect(electronFiles.length).toBeGreaterThan(20);
    expect(rendererFiles.length).toBeGreaterThan(5);
  });

  it('only electron/main and electron/preload import electron', () => {
    const problems = [...electronFiles, ...rendererFiles].flatMap((file) =>
      electronImportViolations(file, readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(problems).toEqual([]);
  });

  it('the renderer imports no Node builtin and only the contract from electron/', () => {
    const problems = rendererFiles.flatMap((file) =>
      rendererImportViolations(file, readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(problems).toEqual([]);
  });

  it('every import inside electron/ points down the layer table', () => {
    const problems = electronFiles.flatMap((file) =>
      layerViolations(file, readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(problems).toEqual([]);
  });

  it('the contract imports nothing outside itself', () => {
    const problems = electronFiles
      .filter((file) => file.startsWith('electron/contract/'))
      .flatMap((file) => contractImportViolations(file, readFileSync(join(ROOT, file), 'utf8')));
    expect(problems).toEqual([]);
  });
});

describe('the player code stays a chunk of its own', () => {
  // mpegts.js is most of the renderer; the shell paints and the first players start without
  // waiting for it only while nothing imports it statically (engine-loader.ts imports it
  // dynamically). One static import anywhere folds it back into the main chunk; the build only
  // warns (INEFFECTIVE_DYNAMIC_IMPORT), so this fails instead.
  const STATIC_ENGINE_IMPORT =
    /^\s*import\s+(?!type\b)[^;]*?from\s+['"](?:\.{1,2}\/)+(?:player\/)?mpegts-engine['"]/gm;
  const STATIC_LIBRARY_IMPORT = /^\s*import\s+(?!type\b)[^;]*?from\s+['"]mpegts\.js['"]/gm;

  it('only engine-loader.ts reaches mpegts-engine.ts, and only mpegts-engine.ts imports mpegts.js', () => {
    const problems = sourceFiles('renderer').flatMap((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const found: string[] = [];
      for (const m of text.matchAll(STATIC_ENGINE_IMPORT)) {
        found.push(
          `${file}:${text.slice(0, m.index).split('\n').length} imports mpegts-engine statically; use loadEngine()`,
        );
      }
      if (!file.endsWith('player/mpegts-engine.ts')) {
        for (const m of text.matchAll(STATIC_LIBRARY_IMPORT)) {
          found.push(
            `${file}:${text.slice(0, m.index).split('\n').length} imports mpegts.js; go through engine-loader.ts`,
          );
        }
      }
      return found;
    });
    expect(problems).toEqual([]);
  });

  it('catches the import that once folded the chunk back', () => {
    const text =
      "import { x } from './a';\nimport { mpegtsEngine } from '../player/mpegts-engine';\n";
    expect([...text.matchAll(STATIC_ENGINE_IMPORT)]).toHaveLength(1);
    expect([
      ..."import type { E } from './mpegts-engine';".matchAll(STATIC_ENGINE_IMPORT),
    ]).toHaveLength(0);
  });
});
