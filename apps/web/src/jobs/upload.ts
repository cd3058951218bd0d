import { toApiError } from '../api/errors';
import { refresh, session } from '../api/session';
import type { Upload } from '../api/types';

/**
 * Uploads a file to POST /v1/uploads with progress. This one call uses XMLHttpRequest because
 * fetch() reports no upload progress; the route and its reply are those of the typed client.
 */
export async function uploadFile(file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<Upload> {
  const send = () =>
    new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/v1/uploads');
      const token = session.accessToken();
      if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.responseType = 'json';
      xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
      xhr.onload = () => resolve({ status: xhr.status, body: xhr.response });
      xhr.onerror = () => reject(toApiError(0, undefined));
      xhr.onabort = () => reject(toApiError(0, undefined));
      signal?.addEventListener('abort', () => xhr.abort());
      const form = new FormData();
      form.append('file', file, file.name);
      xhr.send(form);
    });
  let r = await send();
  if (r.status === 401 && (await refresh().catch(() => false))) r = await send();
  if (r.status < 200 || r.status >= 300) throw toApiError(r.status, r.body);
  return r.body as Upload;
}
