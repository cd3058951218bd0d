import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startFakeVideoSite, type FakeVideoSite } from '../../../test/fakes/video-page-server';
import { mediaConfigSchema, type MediaConfig } from './media.config';
import { fetchVideoPageToFile } from './video-page';

const exec = promisify(execFile);
jest.setTimeout(180_000);

/** yt-dlp's generic extractor against pages on 127.0.0.1 (Debian's yt-dlp; offline). */
describe('video page inputs through yt-dlp', () => {
  let site: FakeVideoSite;
  let dir: string;
  let work: string;
  const config = (o: Partial<MediaConfig> = {}): MediaConfig =>
    ({ ...mediaConfigSchema.parse({}), VIDEO_PAGE_INPUTS: true, ALLOW_PRIVATE_URLS: true, YTDLP_TIMEOUT_S: 120, ...o }) as MediaConfig;
  /** Media requests made by our guarded fetcher (not yt-dlp's probes through the proxy). */
  const media = () => site.requests.filter((r) => r.path.startsWith('/media/') && !r.proxied).map((r) => r.path);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vpage-'));
    const mp4 = join(dir, 'talk.mp4');
    await exec('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=6', '-f', 'lavfi', '-i', 'sine=d=6', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', mp4]);
    site = await startFakeVideoSite();
    site.file('/media/talk.mp4', mp4);
  });
  afterAll(async () => {
    await site?.close();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    work = await mkdtemp(join(dir, 'job-'));
    site.requests.length = 0;
  });

  it('reads the metadata, then downloads the one media file through the guarded fetcher', async () => {
    const url = site.page('/watch/talk', { title: 'A talk', media: '/media/talk.mp4', duration: 'PT6S' });
    const got = await fetchVideoPageToFile(url, work, config(), { maxMediaSeconds: 60, maxBytes: 50_000_000 });
    expect(got).toMatchObject({ duration: 6, title: 'A talk' });
    expect(got.size).toBeGreaterThan(10_000);
    expect(await readdir(work)).toEqual(['input.mp4']);
    expect(media()).toEqual(['/media/talk.mp4']);
    // everything yt-dlp fetched went through the guard proxy
    expect(site.requests.filter((r) => r.path === '/watch/talk').every((r) => r.proxied)).toBe(true);
  });

  it('refuses a video longer than the plan before downloading it', async () => {
    const url = site.page('/watch/long', { title: 'Long', media: '/media/talk.mp4', duration: 'PT2H' });
    await expect(fetchVideoPageToFile(url, work, config(), { maxMediaSeconds: 300 })).rejects.toMatchObject({ code: 'MEDIA_TOO_LONG', retryable: false });
    expect(media()).toEqual([]);
    expect(await readdir(work)).toEqual([]);
  });

  it('measures a page that gives no duration after the download, and caps its size', async () => {
    const url = site.page('/watch/plain', { title: 'Plain', media: '/media/talk.mp4' });
    await expect(fetchVideoPageToFile(url, work, config(), { maxMediaSeconds: 3 })).rejects.toMatchObject({ code: 'MEDIA_TOO_LONG' });
    expect(await readdir(work)).toEqual([]);
    await expect(fetchVideoPageToFile(url, work, config(), { maxBytes: 2000 })).rejects.toMatchObject({ code: 'INPUT_TOO_LARGE', retryable: false });
  });

  it('lets neither yt-dlp nor the download reach an address the URL policy forbids', async () => {
    const url = site.page('/watch/ssrf', { title: 'Sneaky', media: 'http://169.254.169.254/latest/video.mp4', duration: 'PT6S' });
    await expect(fetchVideoPageToFile(url, work, config(), {})).rejects.toMatchObject({ code: 'URL_FORBIDDEN', retryable: false });
    const open = config({ ALLOW_PRIVATE_URLS: false });
    // the page itself on loopback: refused before yt-dlp runs
    await expect(fetchVideoPageToFile(url, work, open, {})).rejects.toMatchObject({ code: 'URL_FORBIDDEN' });
  });

  it('refuses a page on a private address without running yt-dlp, and pages with no video', async () => {
    const url = site.page('/watch/talk2', { title: 'A talk', media: '/media/talk.mp4', duration: 'PT6S' });
    await expect(fetchVideoPageToFile(url, work, config({ ALLOW_PRIVATE_URLS: false }), {})).rejects.toMatchObject({ code: 'URL_FORBIDDEN' });
    expect(site.requests).toEqual([]); // yt-dlp never ran
    await expect(fetchVideoPageToFile(`${site.origin}/missing`, work, config(), {})).rejects.toMatchObject({ code: 'URL_FETCH_FAILED', retryable: false });
    await expect(fetchVideoPageToFile(url, work, config({ VIDEO_PAGE_INPUTS: false }), {})).rejects.toMatchObject({ code: 'VIDEO_PAGE_INPUTS_DISABLED' });
    await expect(fetchVideoPageToFile(url, work, config({ YTDLP_PATH: join(dir, 'no-such-yt-dlp') }), {})).rejects.toMatchObject({ code: 'VIDEO_PAGE_UNAVAILABLE' });
  });
});
