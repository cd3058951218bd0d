import type { InputFacts, InputStreams, JobInput, MediaJobName, MediaJobParamsInput, MediaJobRequest } from '@clipyard/contracts';
import type { UploadRecord } from '../uploads/uploads.repository';
import type { ChatChoice } from '../hooks/chat-source';
import type { TranscriptionSourceChoice } from '../transcribe/transcription-source';

/** What the shared submission path resolved before the kind's rule runs. */
export interface ResolvedInput {
  /** Where the worker reads the input (an upload's key under the owner's prefix, or a video page). */
  input: JobInput;
  upload: UploadRecord | null;
  /** Worker-side caps on a video-page input: the plan's upload and length limits. */
  limits: { max_input_bytes?: number; max_media_seconds?: number };
  /** hooks/shorts on an earlier transcription (`{job_id}`): its transcript, reused. */
  transcriptKey?: string;
}

/** Decisions taken at submission, so that a job that cannot run is refused before anything is reserved. */
export interface SubmissionChoices {
  /** Whose key transcribes, when the plan has `feature` (without it billing refuses the job). */
  transcription(feature: 'transcribe' | 'subtitles', want: { provider?: string; diarization?: boolean; translate_to_english?: boolean }): Promise<TranscriptionSourceChoice | undefined>;
  /** Which of the owner's keys and which model run a language model. */
  chat(want: { provider?: string; model?: string }): Promise<ChatChoice>;
}

/**
 * The gateway's rules for one MEDIA_JOBS kind: what to reserve (units, plan features beyond its
 * action's own) and the worker's `params`. Typed by the registry, so the queue payload of each
 * kind is checked where it is built. Defaults: 1 unit, no extra features, no minutes.
 */
export interface JobTypePolicy<N extends MediaJobName> {
  features?(p: MediaJobRequest<N>): string[];
  /** Quota units to reserve (transcription reserves estimated minutes). */
  units?(p: MediaJobRequest<N>, upload: UploadRecord | null): number;
  /** Transcription minutes it holds besides its units (a subtitled trim's cut, a hooks job's media). */
  subtitleMinutes?(p: MediaJobRequest<N>, upload: UploadRecord | null): number;
  /** Trim jobs it holds besides its own (a short's clips). */
  trimJobs?(p: MediaJobRequest<N>): number;
  /** The queue payload's `params`: the body with its input resolved, plus what was chosen at submission. */
  worker(p: MediaJobRequest<N>, r: ResolvedInput, choose: SubmissionChoices): Promise<{ params: MediaJobParamsInput<N>; ai?: ChatChoice }>;
}

/** The upload's probe facts as a trim job carries them (`input_facts`). */
const inputFactsOf = (u: UploadRecord, durationS: number): InputFacts => ({
  duration_s: durationS,
  content_type: u.contentType,
  ...(u.width && u.height ? { width: u.width, height: u.height } : {}),
});
/**
 * The upload's streams (`input_streams`), when its probe recorded them (not for uploads from before
 * 2026-12-03). A key beside `input_facts`, never inside it: see `inputStreamsSchema`.
 */
const inputStreamsOf = (u: UploadRecord): { input_streams?: InputStreams } =>
  u.codecs?.length ? { input_streams: { codecs: u.codecs, fragmented: u.fragmented } } : {};
const minutesOf = (upload: UploadRecord | null) => Math.max(1, Math.ceil((upload?.durationS ?? 60) / 60));
const reusesTranscript = (p: { input: object }) => 'job_id' in p.input;
/** Minutes a hooks/shorts job will transcribe: none when it reuses a transcription (`{job_id}`). */
const hookMinutes = (p: { input: object }, upload: UploadRecord | null) => (reusesTranscript(p) ? 0 : minutesOf(upload));
const transcribes = (p: { input: object }) => (reusesTranscript(p) ? [] : ['transcribe']);

/** hooks and shorts: whose key transcribes (unless a transcript is reused), then the language model. */
async function hookChoices(p: MediaJobRequest<'hooks' | 'shorts'>, r: ResolvedInput, choose: SubmissionChoices) {
  const t = reusesTranscript(p) ? undefined : await choose.transcription('transcribe', {});
  const ai = await choose.chat(p);
  const extra = {
    ...r.limits,
    ...(t ? { key_source: t.key_source, transcription_provider: t.provider } : {}),
    ...ai,
    ...(r.transcriptKey ? { transcript_key: r.transcriptKey } : {}),
  };
  return { ai, extra };
}

export const JOB_TYPE_POLICIES: { [N in MediaJobName]: JobTypePolicy<N> } = {
  trim: {
    features: (p) => [...(p.vertical ? ['vertical_format'] : []), ...(p.subtitles ? ['subtitles'] : [])],
    subtitleMinutes: (p, upload) => {
      if (!p.subtitles) return 0;
      const end = upload?.durationS != null ? Math.min(p.end, upload.durationS) : p.end;
      return Math.max(1, Math.ceil((end - p.start) / 60));
    },
    worker: async (p, r, choose) => ({
      params: {
        ...p,
        input: r.input,
        ...r.limits,
        // a trim of a probed upload: its facts, so the worker need not ffprobe it again
        ...(r.upload?.durationS ? { input_facts: inputFactsOf(r.upload, r.upload.durationS), ...inputStreamsOf(r.upload) } : {}),
        ...(p.subtitles ? await choose.transcription('subtitles', {}) : {}),
      },
    }),
  },
  overlay: {
    worker: async (p, r) => ({ params: { ...p, input: r.input, ...r.limits } }),
  },
  transcribe: {
    units: (_p, upload) => minutesOf(upload),
    worker: async (p, r, choose) => ({ params: { ...p, input: r.input, ...r.limits, ...(await choose.transcription('transcribe', p)) } }),
  },
  hooks: {
    features: transcribes,
    subtitleMinutes: hookMinutes,
    worker: async (p, r, choose) => {
      const { ai, extra } = await hookChoices(p, r, choose);
      return { ai, params: { ...p, input: r.input, ...extra } };
    },
  },
  shorts: {
    features: (p) => [...transcribes(p), 'trim', 'vertical_format', ...(p.subtitles ? ['subtitles'] : [])],
    subtitleMinutes: hookMinutes,
    trimJobs: (p) => p.count,
    worker: async (p, r, choose) => {
      const { ai, extra } = await hookChoices(p, r, choose);
      return { ai, params: { ...p, input: r.input, ...extra } };
    },
  },
};
