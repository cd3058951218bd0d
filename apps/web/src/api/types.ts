// Response shapes the pages use. TODO(openapi): take these from @clipyard/client's schemas.
export interface Me {
  id: string;
  /** Null for an anonymous (trial) user. */
  email: string | null;
  username: string | null;
  full_name: string | null;
  timezone: string | null;
  role: 'user' | 'admin';
  created_at: string;
  email_verified?: boolean;
  has_password?: boolean;
  is_anonymous?: boolean;
}
export interface JobOutput {
  name: string;
  content_type: string;
  size: number;
  url: string;
}
export interface Job {
  id: string;
  type: string;
  status: string;
  progress: number;
  params: Record<string, unknown>;
  error?: { code: string; message: string };
  outputs: JobOutput[];
  outputs_expired_at?: string;
  created_at: string;
  started_at?: string;
  completed_at?: string;
  usage?: Record<string, unknown>;
  result?: Record<string, unknown>;
}
export interface Page<T> {
  data: T[];
  next_cursor?: string | null;
}
export interface Counter {
  used: number;
  reserved: number;
  limit: number | null;
  remaining: number | null;
}
export interface UsageSummary {
  month: string;
  plan: string;
  resets_at: string;
  actions: Record<'trim' | 'overlay' | 'transcribe', Counter> & { hooks?: Counter };
  transcribe_minutes: Counter;
  media_seconds: number;
  input_bytes: number;
  output_bytes: number;
  processing_seconds: number;
  api_requests: number;
}
export interface Subscription {
  plan: string;
  status: string;
  current_period_end: string;
  limits: Record<string, number | null>;
  features: string[];
}
export interface UsageEvent {
  event_id: string;
  kind: 'job' | 'requests';
  job_id: string | null;
  action: string | null;
  units: number;
  media_seconds: number;
  input_bytes: number;
  output_bytes: number;
  processing_ms: number;
  occurred_at: string;
}
export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  last4: string;
  scopes: string[];
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
  last_used_ip: string | null;
  total_requests: number;
  status: 'active' | 'expiring' | 'expired' | 'revoked';
}
export interface ProviderKey {
  provider: string;
  label: string | null;
  base_url: string | null;
  last4: string;
  status: string;
  updated_at: string;
  last_used_at: string | null;
  last_error: string | null;
}
export interface Provider {
  id: string;
  name: string;
  default_base_url: string | null;
  requires_base_url: boolean;
}
export interface Upload {
  id: string;
  filename?: string;
  size: number;
  content_type: string;
  duration_s?: number;
  width?: number;
  height?: number;
  created_at?: string;
}
export interface SessionView {
  id: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
  current: boolean;
}
export interface AuditEvent {
  id: string;
  action: string;
  ip: string | null;
  created_at: string;
  metadata: Record<string, unknown>;
}
export interface Webhook {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  created_at: string;
  previous_secret_expires_at: string | null;
  secret?: string;
}
export interface Delivery {
  id: string;
  event_type: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  last_attempt_at: string | null;
  created_at: string;
}
