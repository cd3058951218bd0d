import type { LimitOverrides, PlanDto, PlanLimits, UsageAction } from '@clipyard/contracts';
import type { PlanEntity } from '@clipyard/database';

/** A `plans` row (the entity's shape; `maxFileBytes` is a bigint, so a string from SQL). */
export type PlanRecord = PlanEntity;

/** Each limit of the wire shape (`PlanLimits`) and the plan column it comes from. */
const LIMIT_FIELDS = {
  trims_per_month: 'trimsPerMonth',
  overlays_per_month: 'overlaysPerMonth',
  transcribes_per_month: 'transcribesPerMonth',
  transcribe_minutes_per_month: 'transcribeMinutesPerMonth',
  hooks_per_month: 'hooksPerMonth',
  max_file_bytes: 'maxFileBytes',
  max_media_seconds: 'maxMediaSeconds',
  max_concurrent_jobs: 'maxConcurrentJobs',
  retention_days: 'retentionDays',
} as const satisfies Record<keyof PlanLimits, keyof PlanRecord>;

export const LIMIT_KEYS = Object.keys(LIMIT_FIELDS) as (keyof typeof LIMIT_FIELDS)[];

export function planLimits(p: PlanRecord): PlanLimits {
  return Object.fromEntries(LIMIT_KEYS.map((k) => [k, Number(p[LIMIT_FIELDS[k]])])) as PlanLimits;
}

export function toPlanDto(p: PlanRecord): PlanDto {
  return { code: p.code, name: p.name, limits: planLimits(p), features: [...p.features], priority: p.priority };
}

/** The plan's limits and features with one user's overrides applied. */
export function effectiveLimits(p: PlanRecord, overrides: LimitOverrides): { limits: PlanLimits; features: string[] } {
  const limits = planLimits(p);
  for (const k of LIMIT_KEYS) {
    const v = overrides[k];
    if (typeof v === 'number') limits[k] = v;
  }
  const features = Array.isArray(overrides.features) ? [...overrides.features] : [...p.features];
  return { limits, features };
}

/** The per-month job limit of an action (a new usage action needs its plan column). */
export const ACTION_JOBS_LIMIT = {
  trim: 'trims_per_month',
  overlay: 'overlays_per_month',
  transcribe: 'transcribes_per_month',
  hooks: 'hooks_per_month',
} as const satisfies Record<UsageAction, keyof PlanLimits>;
