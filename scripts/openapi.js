'use strict';
/**
 * `npm run openapi`: regenerates libs/client/openapi.json and libs/client/src/schema.ts from the
 * gateway's sources (`--source`); `npm run build` runs it on the compiled gateway after tsc. Commit
 * both files: a test compares them with a fresh generation.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const entry = path.join(ROOT, 'dist/apps/gateway/src/openapi/generate.js');

/**
 * `--source`: load the TypeScript sources directly (transpiled per file, as tsc does with
 * isolatedModules), so regenerating needs no build.
 */
function loadFromSource() {
  const ts = require('typescript');
  const Module = require('node:module');
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    const m = /^@clipyard\/([a-z-]+)$/.exec(request);
    return resolve.call(this, m ? path.join(ROOT, 'libs', m[1], 'src') : request, ...rest);
  };
  const { compilerOptions } = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile).config;
  const options = { ...ts.convertCompilerOptionsFromJson(compilerOptions, ROOT).options, module: ts.ModuleKind.CommonJS, sourceMap: false, inlineSourceMap: false };
  require.extensions['.ts'] = (module, filename) => {
    const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions: options, fileName: filename });
    module._compile(out.outputText, filename);
  };
  return require(path.join(ROOT, 'apps/gateway/src/openapi/generate.ts'));
}

async function main() {
  const fromSource = process.argv.includes('--source');
  if (!fromSource && !fs.existsSync(entry)) throw new Error('no build in dist/: run `npm run build` (it regenerates the client too)');
  const { generateClientFiles } = fromSource ? loadFromSource() : require(entry);
  const files = await generateClientFiles();
  const changed = [];
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(ROOT, 'libs/client', rel);
    const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    if (before === content) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    changed.push(path.relative(ROOT, file));
  }
  const ops = Object.values(JSON.parse(files['openapi.json']).paths).reduce((n, item) => n + Object.keys(item).length, 0);
  process.stdout.write(
    changed.length
      ? `openapi: ${ops} operations; updated ${changed.join(', ')} (commit them)\n`
      : `openapi: ${ops} operations; libs/client is current\n`,
  );
}

main().then(
  () => process.exit(0), // Nest's preview app can leave handles open
  (err) => {
    // In the build (--soft) a failure is reported, not fatal: the openapi spec test fails instead.
    process.stderr.write(`openapi: could not generate libs/client: ${err.stack || err}\n`);
    process.exit(process.argv.includes('--soft') ? 0 : 1);
  },
);
