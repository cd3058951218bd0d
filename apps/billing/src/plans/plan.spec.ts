import { effectiveLimits, type PlanRecord } from './plan';

const at = new Date('2026-01-01T00:00:00Z');
const free: PlanRecord = {
  id: 'p',
  code: 'free',
  name: 'Free',
  trimsPerMonth: 5,
  overlaysPerMonth: 100,
  transcribesPerMonth: -1,
  transcribeMinutesPerMonth: 10,
  hooksPerMonth: 3,
  maxFileBytes: '52428800',
  maxMediaSeconds: 300,
  maxConcurrentJobs: 1,
  retentionDays: 7,
  features: ['trim', 'overlay'],
  priority: 10,
  sortOrder: 1,
  createdAt: at,
  updatedAt: at,
};

describe('effectiveLimits', () => {
  it('is the plan when the user has no overrides (bigints from SQL become numbers)', () => {
    expect(effectiveLimits(free, {})).toEqual({
      limits: {
        trims_per_month: 5,
        overlays_per_month: 100,
        transcribes_per_month: -1,
        transcribe_minutes_per_month: 10,
        hooks_per_month: 3,
        max_file_bytes: 52428800,
        max_media_seconds: 300,
        max_concurrent_jobs: 1,
        retention_days: 7,
      },
      features: ['trim', 'overlay'],
    });
  });

  it('applies each override, including "unlimited" (-1) and a replacement feature list', () => {
    const { limits, features } = effectiveLimits(free, { trims_per_month: -1, max_concurrent_jobs: 4, features: ['trim', 'transcribe'] });
    expect(limits.trims_per_month).toBe(-1);
    expect(limits.max_concurrent_jobs).toBe(4);
    expect(limits.overlays_per_month).toBe(100);
    expect(features).toEqual(['trim', 'transcribe']);
  });

  it('ignores cleared (null) overrides', () => {
    expect(effectiveLimits(free, { trims_per_month: null, features: null }).limits.trims_per_month).toBe(5);
  });
});
