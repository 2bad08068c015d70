// Timing for the bench scripts that measure server work on a seeded database
// (bench-gradebook, bench-review): one cold run, then warm runs.

export type Timing = { firstMs: number; medianMs: number; fastestMs: number; medianCpuMs: number };

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Wall time, and this process's CPU time beside it: on a shared 2-core machine
 * other processes stretch the wall time, while CPU time (user + system) is
 * what the work itself costs (it leaves out waiting for a core).
 */
export async function time(name: string, work: () => Promise<unknown>, runs: number): Promise<Timing> {
  let t = performance.now();
  await work();
  const firstMs = performance.now() - t;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    t = performance.now();
    await work();
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const middle = Math.floor(runs / 2);
  const timing = { firstMs: round1(firstMs), medianMs: round1(times[middle]!), fastestMs: round1(times[0]!), medianCpuMs: round1(cpu[middle]!) };
  console.log(
    `${name}: ${timing.medianMs} ms median of ${runs} warm runs (fastest ${timing.fastestMs} ms; first, cold run ${timing.firstMs} ms; median CPU time ${timing.medianCpuMs} ms)`,
  );
  return timing;
}
