/** The features a plan can include (billing's plans, the MEDIA_JOBS registry's `feature`). */
export const PLAN_FEATURES = [
  'trim',
  'overlay',
  'download',
  'api_access',
  'vertical_format',
  'transcribe',
  'subtitles',
  'webhooks',
  'priority_processing',
  'platform_transcription',
  'hook_detection',
] as const;
export type PlanFeature = (typeof PLAN_FEATURES)[number];
