'use strict';
/** `npm run migration:run|revert|generate -- <Name>` against DATABASE_URL (default: local). */
const p = require('./lib/provision');

async function main() {
  const cmd = process.argv[2];
  p.ensureDeps();
  const env = p.loadEnv();
  p.build();
  if (cmd === 'generate') {
    const name = process.argv[3];
    if (!name) p.fail('usage: npm run migration:generate -- <Name>');
    p.run('npx', ['typeorm', 'migration:generate', '-d', 'dist/libs/database/src/data-source.js', '--pretty', `libs/database/src/migrations/${name}`], { env });
    p.step('review the generated file, give it a working down(), and add it to libs/database/src/migrations/index.ts');
    return;
  }
  await p.ensureDatabase(env.DATABASE_URL);
  p.run('node', ['dist/libs/database/src/migrate.js', cmd === 'revert' ? 'revert' : 'run'], { env });
}
main().catch((e) => p.fail(e.stack || String(e)));
