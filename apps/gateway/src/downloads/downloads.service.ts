import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppError } from '@clipyard/contracts';
import { Metrics } from '@clipyard/observability';
import { LocalUrlSigner, Storage, type GetResult } from '@clipyard/storage';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { JobsQueryService } from '../jobs/jobs-query.service';
import { BillingClient } from '../billing/billing.client';
import type { JobOutputRecord } from '@clipyard/database';
import { parseRange } from './range';

const contentDisposition = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Output downloads for their owner (with Range), signed links, and the local signed-link route. */
@Injectable()
export class DownloadsService {
  private readonly served;

  constructor(
    private readonly query: JobsQueryService,
    private readonly billing: BillingClient,
    private readonly storage: Storage,
    private readonly signer: LocalUrlSigner,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    metrics: Metrics,
  ) {
    this.served = metrics.counter('downloads_total', 'Output downloads served', ['via', 'status']);
  }

  /** The caller's output by name; 404 for another user's job, 410 once retention removed it. */
  async output(userId: string, jobId: string, name: string): Promise<JobOutputRecord> {
    // Outputs are downloaded (directly or by a signed link issued now) only on a plan with `download`.
    const { features, plan } = (await this.billing.limits(userId)) as { features: string[]; plan?: string };
    if (!features.includes('download')) {
      throw new AppError('FEATURE_NOT_IN_PLAN', 'Your plan does not include downloading outputs', { feature: 'download', plan });
    }
    const job = await this.query.get(userId, jobId);
    if (job.outputsExpiredAt) {
      throw new AppError('OUTPUT_EXPIRED', "This job's outputs were deleted after the plan's retention period", {
        expired_at: job.outputsExpiredAt.toISOString(),
      });
    }
    const out = job.outputs.find((o) => o.name === name);
    if (!out) throw new AppError('OUTPUT_NOT_FOUND', 'Output not found', { available: job.outputs.map((o) => o.name) });
    return out;
  }

  async signedUrl(userId: string, jobId: string, name: string): Promise<{ url: string; expires_at: string }> {
    const out = await this.output(userId, jobId, name);
    const ttl = this.config.STORAGE_URL_TTL_S;
    const url = await this.storage.signedUrl(out.key, { expiresInS: ttl, downloadName: out.name });
    return { url, expires_at: new Date(Date.now() + ttl * 1000).toISOString() };
  }

  /** Streams a stored object, honouring a single `Range`. */
  async stream(key: string, downloadName: string, rangeHeader: string | undefined, res: FastifyReply, via: string): Promise<void> {
    const range = await parseRange(rangeHeader, async () => (await this.storage.stat(key))?.size ?? 0);
    let got: GetResult;
    try {
      got = await this.storage.get(key, range ? { range } : {});
    } catch (err) {
      if (err instanceof AppError && err.code === 'OBJECT_NOT_FOUND') throw new AppError('OUTPUT_NOT_FOUND', 'Output not found');
      throw err;
    }
    res.header('Accept-Ranges', 'bytes');
    res.header('Content-Type', got.contentType);
    res.header('Content-Length', String(got.contentLength));
    res.header('Content-Disposition', contentDisposition(downloadName));
    res.header('Cache-Control', 'private, max-age=0');
    if (got.range) {
      res.status(206).header('Content-Range', `bytes ${got.range.start}-${got.range.end}/${got.size}`);
    } else {
      res.status(200);
    }
    this.served.inc({ via, status: String(got.range ? 206 : 200) });
    await res.send(got.body);
  }

  /** Verifies a local signed link (HMAC over token and expiry) and returns what it grants. */
  verifyLocal(token: string, exp: string | undefined, sig: string | undefined): { key: string; name: string } {
    if (this.storage.driver !== 'local') throw new AppError('NOT_FOUND', 'Not found');
    if (!exp || !sig) throw new AppError('INVALID_SIGNATURE', 'The link is not valid');
    if (Number(exp) * 1000 < Date.now() && /^\d+$/.test(exp)) throw new AppError('LINK_EXPIRED', 'The link has expired');
    const granted = this.signer.verify(token, exp, sig);
    if (!granted) throw new AppError('INVALID_SIGNATURE', 'The link is not valid');
    return { key: granted.key, name: granted.downloadName ?? granted.key.split('/').pop() ?? 'download' };
  }
}
