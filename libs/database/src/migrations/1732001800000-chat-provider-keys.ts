import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Provider keys for language models: `anthropic` joins the OpenAI-compatible providers. */
export class ChatProviderKeys1732001800000 implements MigrationInterface {
  name = 'ChatProviderKeys1732001800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE provider_keys DROP CONSTRAINT provider_keys_provider_check');
    await q.query(
      `ALTER TABLE provider_keys ADD CONSTRAINT provider_keys_provider_check
         CHECK (provider IN ('openai', 'groq', 'openai_compatible', 'anthropic'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM provider_keys WHERE provider = 'anthropic'`);
    await q.query('ALTER TABLE provider_keys DROP CONSTRAINT provider_keys_provider_check');
    await q.query(`ALTER TABLE provider_keys ADD CONSTRAINT provider_keys_provider_check CHECK (provider IN ('openai', 'groq', 'openai_compatible'))`);
  }
}
