/**
 * Small facts about processes, read from Linux `/proc`. Used to tell a live
 * Meilisearch from a stale pid (reused pid, zombie) before trusting a lock.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** The fields of /proc/<pid>/stat after the command name, which may itself contain spaces and parentheses. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/**
 * True when `pid` names a running process. A zombie (exited, not yet reaped)
 * counts as gone: it holds no port, no files, and can no longer be signalled meaningfully.
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const fields = statFields(pid);
  if (!fields) return process.platform !== 'linux'; // no /proc: trust kill(0)
  return fields[0] !== 'Z' && fields[0] !== 'X';
}

/**
 * The kernel's start time of `pid` (clock ticks since boot, field 22 of
 * /proc/<pid>/stat). A pid plus its start time names one process for good,
 * even after the pid number is reused. Undefined when the process is gone.
 */
export function processStartTime(pid: number): string | undefined {
  // Field 22 overall; statFields starts at field 3 (state).
  return statFields(pid)?.[19];
}

/** The command line of `pid` as an array, or undefined when unreadable. */
export function processCommandLine(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((s) => s.length > 0);
  } catch {
    return undefined;
  }
}

/** True when `pid` is alive and is the same process that had `startTime` when recorded. */
export function isSameProcessAlive(pid: number, startTime: string | undefined): boolean {
  if (!isProcessAlive(pid)) return false;
  if (startTime === undefined) return true;
  const now = processStartTime(pid);
  return now === undefined || now === startTime;
}

/**
 * Live (non-zombie) processes in process group `pgid`, found by scanning /proc.
 * Empty where there is no /proc: callers then rely on having signalled the group.
 */
export function liveGroupMembers(pgid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const members: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    // fields[0] = state, fields[2] = pgrp (fields 3 and 5 of /proc/<pid>/stat)
    if (fields && fields[2] === String(pgid) && fields[0] !== 'Z' && fields[0] !== 'X') members.push(Number(entry));
  }
  return members;
}
