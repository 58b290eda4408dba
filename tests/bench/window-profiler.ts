// A CPU profile and a sampling heap profile of this process over a window only (not its
// start-up, which module loading dominates), through the inspector: for the RTSP profile tool
// (rtsp-profile.ts), driven by lines on the benchmark process's stdin.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

export class WindowProfiler {
  private session: Session | null = null;

  start(intervalUs = 1000): void {
    const session = (this.session = new Session());
    session.connect();
    session.post('Profiler.enable');
    session.post('Profiler.setSamplingInterval', { interval: intervalUs });
    session.post('Profiler.start');
    session.post('HeapProfiler.enable');
    // Every 4 KiB allocated, on average: where the garbage comes from.
    // Collected objects too: the garbage is what the GC pays for.
    session.post('HeapProfiler.startSampling', {
      samplingInterval: 4096,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    } as never);
  }

  /** Writes `<prefix>.cpuprofile` and `<prefix>.heapprofile`. */
  stop(prefix: string, done: () => void): void {
    const session = this.session;
    if (!session) return done();
    session.post('Profiler.stop', (err, cpu) => {
      if (!err) writeFileSync(`${prefix}.cpuprofile`, JSON.stringify(cpu.profile));
      session.post('HeapProfiler.stopSampling', (err2, heap) => {
        if (!err2) writeFileSync(`${prefix}.heapprofile`, JSON.stringify(heap.profile));
        session.disconnect();
        this.session = null;
        done();
      });
    });
  }
}
