// The top functions of a V8 CPU profile (node --cpu-prof, or the DevTools protocol's
// Profiler.stop) by self time, with file paths shortened to the project's folders.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
}

/** Self-time share per function (name + file:line), largest first. */
export function topFunctions(profile: CpuProfile, n: number): { name: string; pct: number }[] {
  const hits = new Map<string, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const samples = profile.samples ?? [];
  for (const id of samples) {
    const frame = byId.get(id)!.callFrame;
    const file = frame.url.replace(/^.*\/(electron|node_modules|tests|assets)\//, '$1/');
    const where = file ? ` ${file}:${frame.lineNumber + 1}` : '';
    const name = `${frame.functionName || '(anonymous)'}${where}`;
    hits.set(name, (hits.get(name) ?? 0) + 1);
  }
  return [...hits]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, count]) => ({ name, pct: (100 * count) / Math.max(1, samples.length) }));
}

interface HeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: HeapNode[];
}

export interface HeapProfile {
  head: HeapNode;
}

/** Bytes allocated per function (sampled; name + file:line), largest first. */
export function topAllocations(
  profile: HeapProfile,
  n: number,
): { name: string; bytes: number; pct: number }[] {
  const bytes = new Map<string, number>();
  let total = 0;
  const visit = (node: HeapNode) => {
    if (node.selfSize > 0) {
      const name = frameName(node.callFrame);
      bytes.set(name, (bytes.get(name) ?? 0) + node.selfSize);
      total += node.selfSize;
    }
    for (const child of node.children) visit(child);
  };
  visit(profile.head);
  return [...bytes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, size]) => ({ name, bytes: size, pct: (100 * size) / Math.max(1, total) }));
}

function frameName(frame: ProfileNode['callFrame']): string {
  const file = frame.url.replace(/^.*\/(electron|node_modules|tests|assets)\//, '$1/');
  const where = file ? ` ${file}:${frame.lineNumber + 1}` : '';
  return `${frame.functionName || '(anonymous)'}${where}`;
}
