import { Module } from '@nestjs/common';
import { TranscriptionSource } from './transcription-source';

/** Whose key a transcription (or a subtitled trim, hooks, shorts) uses, decided at submission. */
@Module({ providers: [TranscriptionSource], exports: [TranscriptionSource] })
export class TranscribeModule {}
