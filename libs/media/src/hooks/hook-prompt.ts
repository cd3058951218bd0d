import { z } from 'zod';
import type { TranscriptChunk } from './hook-selection';

/** What the model must answer for one chunk (validated with zod before use; bounds are enforced later). */
export const hookCandidatesSchema = z.object({
  hooks: z
    .array(
      z.object({
        start: z.number(),
        end: z.number(),
        score: z.number(),
        title: z.string().max(200),
        hook_sentence: z.string().max(1000),
        reason: z.string().max(1000),
      }),
    )
    .max(50),
});
export type HookCandidates = z.infer<typeof hookCandidatesSchema>;

export const HOOK_SYSTEM_PROMPT =
  'You are a video editor who finds the moments of a long video that make the best short clips for social media: ' +
  'a strong opening line (the hook), a complete thought, and a reason to keep watching. ' +
  'You only use the timestamps given in the transcript.';

/** The user turn for one chunk: its lines carry times relative to the chunk (seconds). */
export function hookPrompt(chunk: TranscriptChunk, o: { count: number; minS: number; maxS: number; topics?: string[]; language?: string; total: number }): string {
  return [
    `Transcript part ${chunk.index + 1} of ${o.total}. Each line is [start-end] in seconds from the start of this part, then the words spoken.`,
    '',
    chunk.text,
    '',
    `Find up to ${o.count} moments that would make strong standalone short clips, each between ${o.minS} and ${o.maxS} seconds long.`,
    'For each, give start and end in seconds as in the lines above, a score from 0 to 100 (how strong the hook is),',
    'a short title, the hook_sentence (the opening line, quoted from the transcript), and the reason it works.',
    o.topics?.length ? `Prefer moments about: ${o.topics.join(', ')}.` : '',
    o.language ? `Write title and reason in the language with ISO-639-1 code "${o.language}".` : '',
    'Moments must not overlap. Answer with {"hooks": [...]}.',
  ]
    .filter((l, i, all) => l !== '' || all[i - 1] !== '')
    .join('\n');
}
