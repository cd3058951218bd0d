import type { JobOutputRecord, JobStatus, JobType } from '@clipyard/database';

/** A jobs row as the gateway uses it. */
export interface JobRecord {
  id: string;
  userId: string;
  type: JobType;
  status: JobStatus;
  progress: number;
  params: Record<string, unknown>;
  input: { key: string } | { url: string } | { video_page_url: string };
  uploadId: string | null;
  priority: number;
  reservationId: string | null;
  attempt: number;
  error: { code: string; message: string } | null;
  outputs: JobOutputRecord[];
  usage: Record<string, unknown> | null;
  /** What the worker reported on completion (e.g. a transcription's detected_language). */
  result: Record<string, unknown> | null;
  /** The language model of a hooks/shorts job. */
  aiProvider: string | null;
  aiModel: string | null;
  revision: string;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  outputsExpiredAt: Date | null;
}
