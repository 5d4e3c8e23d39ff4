/**
 * CPU accounting for benchmarks on Linux (/proc): where the machine's CPU time went during a run —
 * this process (the bench client), the server's processes, PostgreSQL's, and everything else
 * (other work on the machine, the kernel's network processing). Elsewhere every figure is NaN.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ = 100 on Linux

interface Proc {
  pid: number;
  ppid: number;
  comm: string;
  cpuMs: number;
}

/** The process title PostgreSQL sets ("postgres: 15/main: user db client STATE"), or ''. */
function title(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/**
 * PostgreSQL's processes that work for `database`: its backends, and the shared ones (the
 * postmaster, WAL writer, checkpointer, background writer) whose work our commits cause too.
 * Other databases' backends (other work on the machine) are left to "other".
 */
function isPostgresFor(p: Proc, database: string | undefined): boolean {
  if (p.comm !== 'postgres') return false;
  if (!database) return true;
  const t = title(p.pid);
  if (
    /: (checkpointer|background writer|walwriter|autovacuum launcher|logical replication launcher)\b/.test(t) ||
    !t.includes(': ')
  )
    return true;
  return t.includes(` ${database} `);
}

function procs(): Proc[] {
  const out: Proc[] = [];
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return out;
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const f = stat.slice(close + 2).split(' ');
      out.push({
        pid: Number(name),
        ppid: Number(f[1]),
        comm: stat.slice(stat.indexOf('(') + 1, close),
        cpuMs: (Number(f[11]) + Number(f[12])) * TICK_MS,
      });
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

/** Busy and total CPU time of the whole machine so far (all cores), in ms. */
function machine(): { busy: number; total: number } {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = line as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const busy = user + nice + system + irq + softirq + steal;
    return { busy: busy * TICK_MS, total: (busy + idle + iowait) * TICK_MS };
  } catch {
    return { busy: NaN, total: NaN };
  }
}

export interface CpuSnapshot {
  client: number;
  server: number;
  postgres: number;
  machineBusy: number;
  machineTotal: number;
}

/**
 * The bench's own CPU, the server tree's (a process and its children: cluster workers), PostgreSQL's
 * for `database` (all of PostgreSQL's without it), the machine's.
 */
export function cpuSnapshot(serverPid: number | undefined, database?: string): CpuSnapshot {
  const all = procs();
  const tree = new Set<number>(serverPid ? [serverPid] : []);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all) if (tree.has(p.ppid) && !tree.has(p.pid)) (tree.add(p.pid), (grew = true));
  }
  const self = process.cpuUsage();
  const m = machine();
  return {
    client: (self.user + self.system) / 1000,
    server: serverPid ? all.filter((p) => tree.has(p.pid)).reduce((s, p) => s + p.cpuMs, 0) : NaN,
    postgres: all.filter((p) => isPostgresFor(p, database)).reduce((s, p) => s + p.cpuMs, 0),
    machineBusy: m.busy,
    machineTotal: m.total,
  };
}

export interface CpuPerOp {
  /** ms of CPU per completed operation. */
  client: number;
  server: number;
  postgres: number;
  /** Machine CPU not accounted to the three above (kernel network work, other processes). */
  other: number;
  /** Share of the machine's CPU capacity that was busy. */
  busyShare: number;
}

export function cpuPerOp(a: CpuSnapshot, b: CpuSnapshot, ops: number): CpuPerOp {
  const client = b.client - a.client;
  const server = b.server - a.server;
  const postgres = b.postgres - a.postgres;
  const busy = b.machineBusy - a.machineBusy;
  const per = (x: number) => (ops > 0 ? x / ops : NaN);
  return {
    client: per(client),
    server: per(server),
    postgres: per(postgres),
    other: per(busy - client - (Number.isNaN(server) ? 0 : server) - postgres),
    busyShare: busy / (b.machineTotal - a.machineTotal),
  };
}

/**
 * CPU ms so far of the PostgreSQL backends connected to `database` only: no shared process, whose
 * work on a shared machine is mostly other databases' (a measure of one database's queries).
 */
export function backendsCpuMs(database: string): number {
  return procs()
    .filter((p) => p.comm === 'postgres' && title(p.pid).includes(` ${database} `))
    .reduce((s, p) => s + p.cpuMs, 0);
}

/** How busy the machine is right now (share of all cores over `ms`), to warn before measuring. */
export async function machineLoad(ms = 1000): Promise<number> {
  const a = machine();
  await new Promise((r) => setTimeout(r, ms));
  const b = machine();
  return (b.busy - a.busy) / (b.total - a.total);
}
