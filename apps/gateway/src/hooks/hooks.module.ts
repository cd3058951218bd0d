import { Module } from '@nestjs/common';
import { ChatSource } from './chat-source';

/** Which of the owner's keys and which model run a hooks/shorts job's language model, decided at submission. */
@Module({ providers: [ChatSource], exports: [ChatSource] })
export class HooksModule {}
