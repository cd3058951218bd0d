export { StructuredChatClient, toJsonSchema, validate as validateStructured } from './structured-chat.client';
export type { ChatClientOptions } from './structured-chat.client';
export { OpenAIChatAdapter } from './openai.adapter';
export { AnthropicChatAdapter, ANTHROPIC_VERSION } from './anthropic.adapter';
export type * from './chat.types';
