export * from './transcription';
