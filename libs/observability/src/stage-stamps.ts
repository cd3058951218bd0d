/**
 * Stage stamps of one job for the pickup bench (JOB_STAGE_LOG): the monotonic clock in ns, as a
 * number. process.hrtime is CLOCK_MONOTONIC, one clock for every process on the machine, so a
 * gateway's stamp and a worker's subtract; `performance.timeOrigin + performance.now()` would add
 * each process's own start-time reading of the wall clock (and any NTP step between two starts).
 */
export const monotonicNs = (): number => Number(process.hrtime.bigint());

/** Named stage stamps (monotonicNs) of one job, logged on one line when JOB_STAGE_LOG is on. */
export type StageStamps = Record<string, number>;

/** A job's stage stamps when `on` (JOB_STAGE_LOG), else undefined: the path then pays a branch per stage. */
export const stageStamps = (on: boolean): StageStamps | undefined => (on ? {} : undefined);
