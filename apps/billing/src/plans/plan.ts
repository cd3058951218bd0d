import type { LimitOverrides, PlanDto, PlanLimits, UsageAction } from '@clipyard/contracts';

/** A plan row as read from SQL (bigints arrive as strings). */
export interface PlanRow {
  plan_id: string;
  code: string;
  name: string;
  trims_per_month: number;
  overlays_per_month: number;
  transcribes_per_month: number;
  transcribe_minutes_per_month: number;
  hooks_per_month: number;
  max_file_bytes: string | number;
  max_media_seconds: number;
  max_concurrent_jobs: number;
  retention_days: number;
  features: string[];
  priority: number;
}

export const LIMIT_KEYS = [
  'trims_per_month',
  'overlays_per_month',
  'transcribes_per_month',
  'transcribe_minutes_per_month',
  'hooks_per_month',
  'max_file_bytes',
  'max_media_seconds',
  'max_concurrent_jobs',
  'retention_days',
] as const satisfies readonly (keyof PlanLimits)[];

/** Columns of `plans` aliased the way PlanRow expects (prefix with the table alias). */
export const PLAN_COLUMNS = (a: string) =>
  `${a}.id AS plan_id, ${a}.code, ${a}.name, ${LIMIT_KEYS.map((k) => `${a}.${k}`).join(', ')}, ${a}.features, ${a}.priority`;

export function planLimits(p: PlanRow): PlanLimits {
  return Object.fromEntries(LIMIT_KEYS.map((k) => [k, Number(p[k])])) as PlanLimits;
}

export function toPlanDto(p: PlanRow): PlanDto {
  return { code: p.code, name: p.name, limits: planLimits(p), features: [...p.features], priority: p.priority };
}

/** The plan's limits and features with one user's overrides applied. */
export function effectiveLimits(p: PlanRow, overrides: LimitOverrides): { limits: PlanLimits; features: string[] } {
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
