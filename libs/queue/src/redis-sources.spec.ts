import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(p);
    return /\.ts$/.test(e.name) && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(e.name) ? [p] : [];
  });
}

const files = ['apps', 'libs'].flatMap((d) => sources(path.join(ROOT, d))).filter((f) => !f.includes(`${path.sep}apps${path.sep}web${path.sep}`));
const rel = (f: string) => path.relative(ROOT, f);
const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;
/** The file without its comments (blanked, so line numbers hold): examples in JSDoc are not code. */
const code = (f: string) =>
  readFileSync(f, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`])\/\/.*$/gm, (c, before: string) => before + ' '.repeat(c.length - before.length));

/**
 * A Redis Cluster (REDIS_CLUSTER_NODES) works only if every connection is made by createRedis /
 * createSubscriber and every BullMQ queue or worker takes its prefix from queuePrefix (the queue's
 * hash tag; without it BullMQ's scripts fail with CROSSSLOT). New code that builds its own is
 * named here rather than found on a cluster in production.
 */
describe('Redis connections and BullMQ prefixes in the apps and libs', () => {
  it('are made by createRedis/createSubscriber only (libs/queue/src/connection.ts)', () => {
    const own = files.flatMap((f) => {
      if (rel(f) === path.join('libs', 'queue', 'src', 'connection.ts')) return [];
      const text = code(f);
      return [...text.matchAll(/new\s+(IORedis|Redis|Cluster)\s*\(/g)].map((m) => `${rel(f)}:${lineOf(text, m.index)}`);
    });
    expect(own).toEqual([]);
  });

  it('give every BullMQ Queue, Worker, QueueEvents and FlowProducer its prefix from queuePrefix', () => {
    const unprefixed = files.flatMap((f) => {
      const text = code(f);
      if (!/from 'bullmq'/.test(text)) return [];
      return [...text.matchAll(/new\s+(Queue|Worker|QueueEvents|FlowProducer)\s*\(/g)]
        .filter((m) => !/prefix:\s*queuePrefix\(/.test(text.slice(m.index, m.index + 600)))
        .map((m) => `${rel(f)}:${lineOf(text, m.index)} (${m[1]})`);
    });
    expect(unprefixed).toEqual([]);
  });

  it('finds what it looks for (the checks above can fail)', () => {
    const bull = files.filter((f) => /new\s+(Queue|Worker)\s*\(/.test(code(f)) && /from 'bullmq'/.test(code(f)));
    expect(bull.map(rel)).toEqual(expect.arrayContaining([path.join('libs', 'queue', 'src', 'consumer.ts'), path.join('libs', 'queue', 'src', 'queue-client.ts')]));
  });
});
