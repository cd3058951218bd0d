import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
// s3rver ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver');

export interface LocalS3 {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Env for an app configured to use this store. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** What the child process runs with `ownProcess` (argv: directory, bucket): prints its port, exits when its parent's pipe closes. */
const CHILD = `
const S3rver = require('s3rver');
const [directory, bucket] = process.argv.slice(-2);
new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: bucket }] })
  .run().then((a) => process.send({ port: a.port }));
process.on('disconnect', () => process.exit(0));
`;

/**
 * A real S3-compatible server (s3rver) on 127.0.0.1 with a random port and one bucket. With
 * `ownProcess` it runs in a child process, as a store is deployed (its own service), so its work
 * does not share the caller's event loop (benchmarks); tests keep it in-process.
 */
export async function startLocalS3(bucket = 'clipyard-test', opts: { ownProcess?: boolean } = {}): Promise<LocalS3> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'cy-s3rver-'));
  let port: number;
  let close: () => Promise<void>;
  if (opts.ownProcess) {
    const child = spawn(process.execPath, ['-e', CHILD, directory, bucket], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const [msg] = (await Promise.race([once(child, 'message'), once(child, 'exit').then(() => Promise.reject(new Error('s3rver child exited')))])) as [{ port: number }];
    port = msg.port;
    close = async () => {
      const exited = once(child, 'exit');
      child.disconnect();
      await exited;
    };
  } else {
    const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: bucket }] });
    port = ((await server.run()) as AddressInfo).port;
    close = () => server.close();
  }
  const endpoint = `http://127.0.0.1:${port}`;
  // s3rver accepts its documented default credentials.
  const accessKeyId = 'S3RVER';
  const secretAccessKey = 'S3RVER';
  return {
    endpoint,
    bucket,
    accessKeyId,
    secretAccessKey,
    env: {
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: accessKeyId,
      S3_SECRET_ACCESS_KEY: secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    },
    async stop() {
      await close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
