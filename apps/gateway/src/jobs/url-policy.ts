import { AppError } from '@clipyard/contracts';
import { checkUrl } from '@clipyard/security';

/**
 * First line of SSRF defence at submission: the shared checker refuses non-http(s) URLs,
 * credentials and literal loopback/private/link-local/metadata addresses; `localhost` names are
 * refused here too. Other names are resolved and re-checked by the worker when it fetches, after
 * every redirect.
 */
export function assertPublicUrl(raw: string, allowPrivate: boolean, field = 'input.url'): void {
  try {
    const url = checkUrl(raw, { allowPrivate });
    const host = url.hostname.toLowerCase().replace(/\.$/, '');
    if (!allowPrivate && (host === 'localhost' || host.endsWith('.localhost'))) {
      throw new AppError('URL_FORBIDDEN', 'URL is not allowed: localhost');
    }
  } catch (err) {
    if (err instanceof AppError) {
      throw new AppError(err.code, err.message, { issues: [{ path: field, message: err.message }] });
    }
    throw err;
  }
}
