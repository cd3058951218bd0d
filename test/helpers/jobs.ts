/**
 * E2E helpers for the media-jobs API: multipart uploads, polling a job to a final state, and
 * moving a test user to another plan through billing's RPC.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { RpcClient } from '@clipyard/queue';
import { eventually, type HttpResponse, type System } from '../harness';
import { ContractViolation } from './contract';

export interface UploadOptions {
  filename?: string;
  contentType?: string;
  /** Multipart field name (the API wants "file"). */
  field?: string;
}

/** POST /v1/uploads with a file from disk (or raw bytes) as multipart/form-data. */
export async function upload(sys: System, apiKey: string, file: string | Buffer, o: UploadOptions = {}): Promise<HttpResponse> {
  const bytes = typeof file === 'string' ? await readFile(file) : file;
  const form = new FormData();
  const name = o.filename ?? (typeof file === 'string' ? path.basename(file) : 'upload.bin');
  form.append(o.field ?? 'file', new Blob([bytes], { type: o.contentType ?? 'application/octet-stream' }), name);
  const res = await fetch(`${sys.baseUrl}/v1/uploads`, { method: 'POST', headers: { 'x-api-key': apiKey }, body: form });
  const text = await res.text();
  const problems = sys.contract()?.check('POST', '/v1/uploads', res.status, res.headers, text) ?? [];
  if (problems.length) throw new ContractViolation(problems);
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, body, text };
}

export const FINAL = ['completed', 'failed', 'canceled'];

/** Polls GET /v1/jobs/{id} until the job reaches one of `statuses` (default: any final state). */
export async function waitForJob(sys: System, apiKey: string, id: string, statuses = FINAL, timeoutMs = 60_000): Promise<any> {
  return eventually(async () => {
    const res = await sys.get(`/v1/jobs/${id}`, { apiKey });
    if (res.status !== 200) throw new Error(`poll: ${res.status} ${res.text}`);
    return statuses.includes(res.body.status) ? res.body : undefined;
  }, timeoutMs, 150);
}

/** Moves a user to a plan (billing's admin RPC), optionally with limit overrides. */
export async function setPlan(sys: System, userId: string, plan: string, limits?: Record<string, number | null>): Promise<void> {
  const rpc = sys.apps.gateway!.get(RpcClient);
  await rpc.call('admin.setPlan', { userId, plan });
  if (limits) await rpc.call('admin.setLimits', { userId, limits });
}

/** The path part of an absolute URL the API returned (tests talk to the gateway's real port). */
export const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};
