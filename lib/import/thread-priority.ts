import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";

/*
 * Lowers the scheduling priority of the calling thread (an import or export worker) to the lowest, so that on a small
 * server the request thread always gets the CPU first and the long job takes what is left. On Linux a thread is a task
 * with an id of its own and a nice value of its own (setpriority with the thread's id changes that thread only, and
 * threads it starts inherit it); /proc/thread-self names that id. Elsewhere nothing changes.
 */
export function lowerThreadPriority(): boolean {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, 19);
    return true;
  } catch {
    return false;
  }
}
