/**
 * Media worker: job pickup latency (enqueued → a worker starts it, BullMQ's own timestamps) on an
 * idle worker beside a bare BullMQ worker's add → start, and a fast trim's end-to-end time
 * (enqueue → job.completed event, including storage and events) beside the bare ffmpeg command
 * for the same cut, with the local storage driver and with S3 (s3rver standing in, in a process of
 * its own as a store is deployed), and on S3 for 30 s of a 10 min input. The jobs carry the
 * upload's probe facts (`input_facts`, and `input_streams` since 3 Dec 2026) as the gateway sends them for a stored upload. S3's share is
 * anchored by the bare aws-sdk against the same s3rver: GetObject, PutObject, and bare ffmpeg
 * reading the object's presigned URL.
 */
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { QUEUES } from '@clipyard/contracts';
import { QueueClient } from '@clipyard/queue';
import { createStorage, storageConfigSchema, storageKey } from '@clipyard/storage';
import { createWorkerApp } from '../apps/media-worker/src/bootstrap';
import { makeVideo } from '../test/helpers/media';
import { QueueTap } from '../test/helpers/queues';
import { startLocalS3, type LocalS3 } from '../test/helpers/s3rver';
import { rawPickup } from './lib/raw-bullmq';
import { goalRow, report, summarize } from './lib/stats';

const run = promisify(execFile);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

/**
 * One worker app on `driver`'s storage: pickup (BullMQ timestamps) and enqueue → job.completed for ROUNDS fast trims.
 * The jobs carry the upload's `input_streams` as the gateway sends them since 3 Dec 2026. With
 * `compare`, each round also runs the job as an older gateway sends it (no `input_streams`: the
 * input opened with its stream-info read), the two in alternating order, on the same worker:
 * `e2eOld`.
 */
async function throughWorker(dir: string, input: string, cut: { start: number; end: number }, storageEnv: Record<string, string>, durationS = 60, rounds = ROUNDS, compare = false) {
  const prefix = `${process.env.REDIS_PREFIX ?? 'cyb'}-mw-${randomBytes(3).toString('hex')}`;
  const redis = { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix };
  const env = { ...process.env, LOG_LEVEL: 'error', REDIS_PREFIX: prefix, WORKER_HTTP_PORT: '0', STORAGE_LOCAL_DIR: path.join(dir, 'storage'), WORKER_TMP_DIR: dir, ...storageEnv };
  const { app } = await createWorkerApp({ env });
  await app.init();
  const queues = new QueueClient(redis);
  const tap = new QueueTap(redis);
  const storage = createStorage(storageConfigSchema.parse({ STORAGE_URL_SECRET: 'bench-'.repeat(8), ...env }));
  const userId = randomUUID();
  const key = storageKey({ userId, area: 'inputs', id: randomUUID(), name: 'in.mp4' });
  await storage.putFile(key, input, { contentType: 'video/mp4' });
  const input_facts = { duration_s: durationS, width: 1280, height: 720, content_type: 'video/mp4' };
  const input_streams = { codecs: ['h264', 'aac'], fragmented: false };
  const once = async (streams: boolean) => {
    const jobId = randomUUID();
    const t0 = process.hrtime.bigint();
    await queues.add(QUEUES.trim, { name: 'trim', jobId, userId, params: { input: { key }, input_facts, ...(streams ? { input_streams } : {}), ...cut, mode: 'fast' } }, { jobId });
    // the moment the event reaches the tap (it used to poll every 5 ms: up to 5 ms more, 2.5 on average)
    await tap.event(jobId, 'job.completed', 60_000);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const job = await queues.queue(QUEUES.trim).getJob(jobId);
    return { ms, pickup: job?.processedOn ? job.processedOn - job.timestamp : undefined };
  };
  const pickup: number[] = [];
  const e2e: number[] = [];
  const e2eOld: number[] = [];
  for (let i = 0; i < rounds + 2; i++) {
    const oldFirst = compare && i % 2 === 1;
    const before = oldFirst ? await once(false) : undefined;
    const got = await once(true);
    const after = compare && !oldFirst ? await once(false) : undefined;
    if (i < 2) continue; // warm-up
    e2e.push(got.ms);
    if (got.pickup !== undefined) pickup.push(got.pickup);
    const old = before ?? after;
    if (old) e2eOld.push(old.ms);
  }
  await app.close();
  await Promise.allSettled([queues.close(), tap.close()]);
  return { pickup: summarize(pickup), e2e: summarize(e2e), e2eOld: summarize(e2eOld) };
}

/** The anchor for S3's share: the bare SDK (its default keep-alive agent) getting the input to a file and putting the output, ROUNDS each. */
async function rawS3(s3: LocalS3, input: string, output: string, scratch: string, ffmpegArgs: (input: string) => string[], rounds = ROUNDS, urlOptions: string[] = []) {
  const client = new S3Client({ region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey }, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
  const Bucket = s3.bucket;
  await client.send(new PutObjectCommand({ Bucket, Key: 'raw/in.mp4', Body: await readFile(input) }));
  const get: number[] = [];
  const put: number[] = [];
  const viaUrl: number[] = [];
  for (let i = 0; i < rounds + 2; i++) {
    const t0 = process.hrtime.bigint();
    const out = await client.send(new GetObjectCommand({ Bucket, Key: 'raw/in.mp4' }));
    await pipeline(out.Body as Readable, createWriteStream(scratch));
    const t1 = process.hrtime.bigint();
    const body = await readFile(output);
    await client.send(new PutObjectCommand({ Bucket, Key: `raw/out-${i}.mp4`, Body: body, ContentLength: body.length, ContentType: 'video/mp4' }));
    const t2 = process.hrtime.bigint();
    const url = await getSignedUrl(client, new GetObjectCommand({ Bucket, Key: 'raw/in.mp4' }), { expiresIn: 300 });
    await run('ffmpeg', ['-protocol_whitelist', 'http,tcp', ...urlOptions, ...ffmpegArgs(url)]);
    const t3 = process.hrtime.bigint();
    if (i < 2) continue;
    get.push(Number(t1 - t0) / 1e6);
    put.push(Number(t2 - t1) / 1e6);
    viaUrl.push(Number(t3 - t2) / 1e6);
  }
  client.destroy();
  return { get: summarize(get), put: summarize(put), viaUrl: summarize(viaUrl) };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cy-bench-mw-'));
  const input = await makeVideo(path.join(dir, 'in.mp4'), { durationS: 60, width: 1280, height: 720, gop: 50 });
  const cut = { start: 10, end: 40 };
  // s3rver in its own process, as a store is deployed (BENCH_S3_IN_PROCESS=1: in this one, as before 2 Dec 18:40 UTC)
  const s3 = await startLocalS3('clipyard-bench', { ownProcess: process.env.BENCH_S3_IN_PROCESS !== '1' });
  try {
    const local = await throughWorker(dir, input, cut, { STORAGE_DRIVER: 'local' }, 60, ROUNDS, true);
    const onS3 = await throughWorker(dir, input, cut, s3.env, 60, ROUNDS, true);
    // 30 s of a 10 min input (the 60 s one ten times over, 30 MB): where reading only the cut's part pays
    const long = path.join(dir, 'long.mp4');
    await run('ffmpeg', ['-nostdin', '-y', '-loglevel', 'error', '-stream_loop', '9', '-i', input, '-c', 'copy', long]);
    const longCut = { start: 300, end: 330 };
    const longRounds = Math.max(5, Math.round(ROUNDS / 2));
    const onS3Long = await throughWorker(dir, long, longCut, s3.env, 600, longRounds);
    const raw = await rawPickup(ROUNDS);
    const bareArgs = (from: string, c = cut, out = path.join(dir, 'bare.mp4')) => ['-nostdin', '-y', '-loglevel', 'error', '-ss', String(c.start), '-i', from, '-t', String(c.end - c.start), '-map', '0:v:0?', '-map', '0:a:0?', '-c', 'copy', '-avoid_negative_ts', 'make_zero', '-movflags', '+faststart', out];
    const bare: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = process.hrtime.bigint();
      await run('ffmpeg', bareArgs(input));
      bare.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const b = summarize(bare);
    const bareLong: number[] = [];
    for (let i = 0; i < longRounds; i++) {
      const t0 = process.hrtime.bigint();
      await run('ffmpeg', bareArgs(long, longCut));
      bareLong.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const bl = summarize(bareLong);
    const sdk = await rawS3(s3, input, path.join(dir, 'bare.mp4'), path.join(dir, 'sdk-in.mp4'), (url) => bareArgs(url, cut, path.join(dir, 'bare-url.mp4')));
    const sdkNofsi = await rawS3(s3, input, path.join(dir, 'bare.mp4'), path.join(dir, 'sdk-in.mp4'), (url) => bareArgs(url, cut, path.join(dir, 'bare-url.mp4')), ROUNDS, ['-nofind_stream_info']);
    const sdkLong = await rawS3(s3, long, path.join(dir, 'bare.mp4'), path.join(dir, 'sdk-in.mp4'), (url) => bareArgs(url, longCut, path.join(dir, 'bare-url.mp4')), longRounds);
    report('Job pickup latency, idle worker (enqueue → processing starts, ms)', [
      { what: 'media-trim (BullMQ processedOn − timestamp), local', n: local.pickup.n, p50: local.pickup.p50, p99: local.pickup.p99 },
      { what: 'bare BullMQ worker, add → handler start', n: raw.n, p50: raw.p50, p99: raw.p99 },
    ]);
    report('Fast trim of 30 s from a 60 s 720p mp4 (ms)', [
      { what: 'through the worker, local storage (enqueue → job.completed)', n: local.e2e.n, p50: local.e2e.p50, p99: local.e2e.p99 },
      { what: 'through the worker, S3 (s3rver)', n: onS3.e2e.n, p50: onS3.e2e.p50, p99: onS3.e2e.p99 },
      { what: "local, jobs without input_streams (an older gateway's), alternating", n: local.e2eOld.n, p50: local.e2eOld.p50, p99: local.e2eOld.p99 },
      { what: "S3, jobs without input_streams (an older gateway's), alternating", n: onS3.e2eOld.n, p50: onS3.e2eOld.p50, p99: onS3.e2eOld.p99 },
      { what: 'bare ffmpeg -c copy', n: b.n, p50: b.p50, p99: b.p99 },
      { what: 'S3 (s3rver), 30 s of a 10 min input (30 MB)', n: onS3Long.e2e.n, p50: onS3Long.e2e.p50, p99: onS3Long.e2e.p99 },
      { what: 'bare ffmpeg -c copy, 30 s of the 10 min input', n: bl.n, p50: bl.p50, p99: bl.p99 },
    ]);
    report('The same bytes through the bare aws-sdk against the same s3rver (ms)', [
      { what: 'GetObject of the 3 MB input to a file', n: sdk.get.n, p50: sdk.get.p50, p99: sdk.get.p99 },
      { what: 'PutObject of the trimmed output from memory', n: sdk.put.n, p50: sdk.put.p50, p99: sdk.put.p99 },
      { what: 'bare ffmpeg -c copy reading a presigned URL (range requests)', n: sdk.viaUrl.n, p50: sdk.viaUrl.p50, p99: sdk.viaUrl.p99 },
      { what: 'floor: bare ffmpeg on the URL + PutObject (p50s added)', n: b.n, p50: sdk.viaUrl.p50 + sdk.put.p50, p99: NaN },
      { what: 'bare ffmpeg -nofind_stream_info -c copy reading the presigned URL', n: sdkNofsi.viaUrl.n, p50: sdkNofsi.viaUrl.p50, p99: sdkNofsi.viaUrl.p99 },
      { what: 'the same with a download first: GetObject + ffmpeg + PutObject', n: b.n, p50: sdk.get.p50 + b.p50 + sdk.put.p50, p99: NaN },
      { what: '10 min input: GetObject of the 30 MB to a file', n: sdkLong.get.n, p50: sdkLong.get.p50, p99: sdkLong.get.p99 },
      { what: '10 min input: bare ffmpeg on its presigned URL', n: sdkLong.viaUrl.n, p50: sdkLong.viaUrl.p50, p99: sdkLong.viaUrl.p99 },
    ]);
    const ms = (n: number) => `${Math.round(n)} ms p50`;
    goalRow({ path: 'fast trim through the worker (local storage) vs bare ffmpeg', measured: ms(local.e2e.p50), anchor: ms(b.p50), ratio: local.e2e.p50 / b.p50, goal: '<= 1.5' });
    goalRow({ path: 'fast trim through the worker (S3, s3rver) vs bare ffmpeg', measured: ms(onS3.e2e.p50), anchor: ms(b.p50), ratio: onS3.e2e.p50 / b.p50, goal: '<= 1.5' });
    goalRow({ path: "the same, S3, jobs without input_streams (an older gateway's) vs bare ffmpeg", measured: ms(onS3.e2eOld.p50), anchor: ms(b.p50), ratio: onS3.e2eOld.p50 / b.p50, goal: '(before)' });
    const floor = sdk.viaUrl.p50 + sdk.put.p50;
    goalRow({ path: 'fast trim of 30 s of a 10 min input through the worker (S3) vs bare ffmpeg', measured: ms(onS3Long.e2e.p50), anchor: ms(bl.p50), ratio: onS3Long.e2e.p50 / bl.p50, goal: '<= 1.5' });
    goalRow({ path: 'fast trim through the worker (S3) vs bare ffmpeg on the presigned URL + PutObject', measured: ms(onS3.e2e.p50), anchor: ms(floor), ratio: onS3.e2e.p50 / floor, goal: '(floor)' });
  } finally {
    await s3.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
