/** An API error as the gateway sends it: `{ error: { code, message, details?, requestId } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: { issues?: { path: string; message: string }[] } & Record<string, unknown>,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message the API gave for one field (`path` as in `details.issues`), if any. */
  forField(path: string): string | undefined {
    const issue = this.details?.issues?.find((i) => i.path === path || i.path.startsWith(`${path}.`));
    if (issue) return issue.message;
    // Domain errors name their field in `details.field` (e.g. WEAK_PASSWORD) with the whole message.
    return this.details?.field === path ? this.message : undefined;
  }
}

export function toApiError(status: number, body: unknown): ApiError {
  const e = (body as { error?: { code?: string; message?: string; details?: ApiError['details']; requestId?: string } })?.error;
  if (e?.code) return new ApiError(status, e.code, e.message ?? e.code, e.details, e.requestId);
  if (status === 0) return new ApiError(0, 'NETWORK', 'The server could not be reached; check your connection and try again');
  return new ApiError(status, 'HTTP_' + status, `The server answered ${status}`);
}

/** Resolves an openapi-fetch result to its data, or throws the API's error. */
export async function unwrap<T>(p: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let r;
  try {
    r = await p;
  } catch {
    throw toApiError(0, undefined);
  }
  if (r.error !== undefined || !r.response.ok) throw toApiError(r.response.status, r.error);
  return r.data as T;
}
