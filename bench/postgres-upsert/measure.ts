// Timing, CPU and memory of the benchmark's phases.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

/** How long `work` took, in milliseconds. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** The middle value (the lower middle for an even count). */
export const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] as number;

/** The process's peak resident set size so far, in MB (Node reports kilobytes). */
export const peakRss = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

/** CPU milliseconds this process used so far (user + system). */
export const ownCpu = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const TICK_MS = 1000 / 100; // USER_HZ: /proc reports clock ticks of 10 ms

/**
 * CPU milliseconds a local PostgreSQL used so far: its postmaster, the children it reaped
 * (sessions that ended, psql's included) and the live ones (the connector's pooled sessions).
 * Undefined when /proc cannot tell (not Linux, or PostgreSQL in a container).
 */
export function serverCpu(dataDir: string): number | undefined {
  try {
    const postmaster = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0];
    const stat = (pid: string) => {
      const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return text.slice(text.lastIndexOf(')') + 2).split(' ');
    };
    // fields after the command: state ppid ... utime(12) stime(13) cutime(14) cstime(15)
    const own = stat(postmaster as string)
      .slice(11, 15)
      .map(Number);
    let ticks = own.reduce((a, b) => a + b, 0);
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      try {
        const fields = stat(pid);
        if (fields[1] === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // the process ended meanwhile
      }
    }
    return ticks * TICK_MS;
  } catch {
    return undefined;
  }
}

/**
 * How many CPUs this run really gets: a fixed spin in one worker thread, then in two at once.
 * Two busy threads running at half speed each mean one CPU's worth (shared or capped vCPUs):
 * then Node and PostgreSQL cannot work at the same time, and the connector's own CPU time adds
 * to the server's instead of overlapping with it.
 */
export async function effectiveCpus(): Promise<number> {
  const spin = () =>
    new Promise<number>((resolve, reject) => {
      const worker = new Worker(
        `const { parentPort } = require('node:worker_threads');
         const start = performance.now(); let x = 0;
         for (let i = 0; i < 3e8; i++) x += i;
         parentPort.postMessage(performance.now() - start + (x < 0 ? 1 : 0));`,
        { eval: true },
      );
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  const one = await spin();
  const both = await Promise.all([spin(), spin()]);
  return (2 * one) / Math.max(...both);
}
