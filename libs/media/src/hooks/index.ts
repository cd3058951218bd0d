export { chunkTranscript, selectHooks, toAbsolute } from './hook-selection';
export type { Hook, HookCandidate, SelectOptions, TimedSegment, TimedText, TranscriptChunk } from './hook-selection';
export { hookCandidatesSchema, hookPrompt, HOOK_SYSTEM_PROMPT } from './hook-prompt';
export type { HookCandidates } from './hook-prompt';
