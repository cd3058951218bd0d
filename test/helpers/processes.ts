import { readdirSync, readFileSync } from 'node:fs';

/** Fields 3… of /proc/<pid>[/task/<tid>]/stat (after the command name, which may hold spaces). */
function statFields(file: string): string[] | null {
  try {
    const stat = readFileSync(file, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** The niceness of every thread of a process (/proc/<pid>/task/<tid>/stat field 19), by thread id; {} once it is gone. */
export function threadNiceness(pid: number): Record<number, number> {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return {};
  }
  const out: Record<number, number> = {};
  for (const tid of tids) {
    const f = statFields(`/proc/${pid}/task/${tid}/stat`);
    if (f) out[Number(tid)] = Number(f[16]);
  }
  return out;
}

/** Live child processes of `parent` whose command name (/proc/<pid>/comm) is `name`. */
export function childrenNamed(name: string, parent = process.pid): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const f = statFields(`/proc/${entry}/stat`);
    if (!f || Number(f[1]) !== parent || f[0] === 'Z') continue;
    let comm = '';
    try {
      comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (comm === name) pids.push(Number(entry));
  }
  return pids;
}
