import type { INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import { isKnownErrorCode, statusForCode } from '@clipyard/contracts';
import { PUBLIC_ROUTE } from '@clipyard/observability';
import { ROLES, SCOPES } from '../auth/principal';
import { API_ROUTES, type ApiResponseSpec, type RegisteredRoute } from './api-route.decorator';
import { errorBodySchema, errorEnvelope } from './error-envelope';

type Json = Record<string, any>;

/** Nest's RouteParamtypes (BODY = 3, QUERY = 4, PARAM = 5). */
const ARG = { BODY: 3, QUERY: 4, PARAM: 5 } as const;

const TAGS: Record<string, string> = {
  auth: 'Sign-up, sign-in, tokens, sessions and the caller\'s profile',
  'api-keys': 'API keys: created, listed, rolled and revoked by their owner',
  'provider-keys': 'The caller\'s own OpenAI(-compatible) keys, stored encrypted',
  audit: 'The caller\'s audit trail',
  uploads: 'Media files uploaded for jobs',
  jobs: 'Media jobs: submit, poll, cancel, download outputs',
  webhooks: 'Webhook endpoints (Standard Webhooks signatures) and their delivery log',
  billing: 'Plans, the caller\'s subscription and usage',
  admin: 'Operator routes (admin role); every call is audited',
};

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request', 401: 'Not authenticated', 402: 'Payment required', 403: 'Forbidden', 404: 'Not found',
  405: 'Method not allowed', 409: 'Conflict', 410: 'Gone', 413: 'Too large', 415: 'Unsupported content type',
  416: 'Range not satisfiable', 422: 'Invalid input', 429: 'Too many requests', 500: 'Internal error',
  502: 'Bad gateway', 503: 'A dependency is unavailable; retry later', 504: 'Timeout',
};

export interface DocumentOptions {
  /** The server URL announced in `servers` (the committed document uses the local default). */
  serverUrl?: string;
}

/**
 * Builds the gateway's OpenAPI 3.1 description from the routes themselves: paths from Nest, the
 * security requirement from @Public()/@Scopes()/@Roles(), parameters and bodies from the zod DTOs the
 * validation pipe uses, and responses/errors from each route's @ApiRoute.
 */
export function buildOpenApiDocument(app: INestApplication, opts: DocumentOptions = {}): OpenAPIObject {
  const base = SwaggerModule.createDocument(app, new DocumentBuilder().build());
  const schemas = new SchemaRegistry();
  const paths: Json = {};
  const tagsUsed = new Set<string>();
  schemas.output(errorBodySchema);

  for (const [path, item] of Object.entries(base.paths)) {
    for (const [method, op] of Object.entries(item as Json)) {
      const route = API_ROUTES.get(op.operationId);
      const out = route ? describe(route, path, op, schemas) : undocumented(path, op);
      for (const t of out.tags ?? []) tagsUsed.add(t);
      (paths[path] ??= {})[method] = out;
    }
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Clipyard API',
      version: '1',
      description:
        'Trim, overlay and transcribe media; poll jobs; meter usage. Authenticate with an API key ' +
        '(`X-API-Key`, or `Authorization: Bearer cy_live_…`) or an access token from `POST /v1/auth/login`. ' +
        'Errors are `{"error":{"code","message","details"?,"requestId"}}` with a stable `code`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: opts.serverUrl ?? 'http://localhost:3000', description: 'This Clipyard gateway' }],
    tags: [...tagsUsed].sort().map((name) => ({ name, description: TAGS[name] ?? name })),
    paths,
    components: {
      securitySchemes: {
        'api-key': { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'An API key (`cy_live_…`); also accepted as `Authorization: Bearer`.' },
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An access token from `/v1/auth/login` or `/v1/auth/token`.' },
      },
      schemas: schemas.components(),
    },
  } as OpenAPIObject;
}

function undocumented(path: string, op: Json): Json {
  // Kept visible (and flagged) so the completeness test and the lint name it; never silently dropped.
  return { ...op, 'x-undocumented': true, parameters: pathParams(path, undefined, new SchemaRegistry()), responses: op.responses };
}

function describe(route: RegisteredRoute, path: string, op: Json, schemas: SchemaRegistry): Json {
  const { spec, controller, method } = route;
  const handler = (controller.prototype as Json)[method];
  const meta = <T>(key: string): T | undefined => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
  const isPublic = !!meta<boolean>(PUBLIC_ROUTE);
  const scopes = meta<string[]>(SCOPES) ?? [];
  const roles = meta<string[]>(ROLES) ?? [];
  const dtos = argDtos(controller, method);

  const lines: string[] = [];
  if (spec.description) lines.push(spec.description);
  if (!isPublic) {
    if (roles.length) lines.push(`**Role:** ${roles.join(' or ')}.`);
    if (scopes.length) lines.push(`**API key scope:** ${scopes.map((s) => `\`${s}\``).join(', ')}.`);
    if (spec.auth === 'session') lines.push('Needs an access token (a session); an API key is refused.');
  }

  const out: Json = {
    operationId: spec.id,
    summary: spec.summary,
    ...(lines.length ? { description: lines.join('\n\n') } : {}),
    tags: op.tags?.length ? op.tags : undefined,
    security: isPublic ? [] : spec.auth === 'session' ? [{ bearer: [] }] : [{ 'api-key': scopes }, { bearer: [] }],
    // Extensions other decorators put on the operation (x-required-scopes, x-public) stay.
    ...Object.fromEntries(Object.entries(op).filter(([k]) => k.startsWith('x-'))),
  };

  const parameters = [
    ...pathParams(path, dtos.params, schemas),
    ...queryParams(spec.query ?? dtos.query, schemas),
    ...Object.entries(spec.headers ?? {}).map(([name, h]) => ({
      name,
      in: 'header',
      required: !!h.required,
      description: h.description,
      schema: { type: 'string' },
    })),
  ];
  if (parameters.length) out.parameters = parameters;

  const bodySchema = spec.body ?? dtos.body;
  if (bodySchema) {
    if (bodySchema instanceof z.ZodType) {
      const schema = schemas.input(bodySchema);
      const required = !bodySchema.safeParse(undefined).success;
      out.requestBody = {
        required,
        content: { 'application/json': { schema, ...(spec.example !== undefined ? { example: spec.example } : {}) } },
      };
    } else {
      out.requestBody = { required: bodySchema.required ?? true, content: mapContent(bodySchema.content) };
    }
  }

  const responses: Json = {};
  for (const [status, r] of Object.entries(spec.responses)) responses[status] = successResponse(Number(status), r, schemas);

  const codes = new Set(spec.errors ?? []);
  if (!isPublic) ['UNAUTHENTICATED', 'API_KEY_INVALID', 'API_KEY_REVOKED', 'API_KEY_EXPIRED', 'TOKEN_EXPIRED', 'TOKEN_INVALID', 'SESSION_REVOKED', 'ACCOUNT_DISABLED', 'RATE_LIMITED'].forEach((c) => isKnownErrorCode(c) && codes.add(c));
  if (!isPublic && scopes.length) codes.add('INSUFFICIENT_SCOPE');
  if (!isPublic && roles.length) codes.add('INSUFFICIENT_ROLE');
  if (bodySchema || dtos.query || spec.query || dtos.params) codes.add('VALIDATION_FAILED');
  if (bodySchema) ['BAD_REQUEST', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_CONTENT_TYPE'].forEach((c) => codes.add(c));
  codes.add('INTERNAL');
  codes.add('UPSTREAM_UNAVAILABLE');
  const byStatus = new Map<number, string[]>();
  for (const code of codes) {
    if (!isKnownErrorCode(code)) throw new Error(`@ApiRoute ${spec.id}: unknown error code ${code} (add it to a table in libs/contracts)`);
    const s = statusForCode(code);
    byStatus.set(s, [...(byStatus.get(s) ?? []), code]);
  }
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    if (responses[status]) throw new Error(`@ApiRoute ${spec.id}: ${status} is both a success and an error status`);
    const sorted = [...list].sort();
    responses[status] = {
      description: `${STATUS_TEXT[status] ?? 'Error'}: ${sorted.map((c) => `\`${c}\``).join(', ')}`,
      ...(status === 429 || status === 503 ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'string' } } } } : {}),
      content: { 'application/json': { schema: errorEnvelope(sorted) } },
    };
  }
  out.responses = responses;
  return out;
}

function successResponse(status: number, r: ApiResponseSpec, schemas: SchemaRegistry): Json {
  const description = status === 204 ? 'No content' : status === 202 ? 'Accepted' : status === 201 ? 'Created' : 'OK';
  if (r === null) return { description };
  if (r instanceof z.ZodType) return { description, content: { 'application/json': { schema: schemas.output(r) } } };
  const out: Json = { description: r.description ?? description };
  if (r.headers) {
    out.headers = Object.fromEntries(
      Object.entries(r.headers).map(([k, h]) => {
        const { description: d, required } = typeof h === 'string' ? { description: h, required: false } : h;
        return [k, { description: d, ...(required ? { required: true } : {}), schema: { type: 'string' } }];
      }),
    );
  }
  if (r.schema) out.content = { 'application/json': { schema: schemas.output(r.schema) } };
  if (r.content) out.content = { ...out.content, ...mapContent(r.content) };
  return out;
}

const mapContent = (c: Record<string, Json>) => Object.fromEntries(Object.entries(c).map(([type, schema]) => [type, { schema }]));

function pathParams(path: string, dto: z.ZodType | undefined, schemas: SchemaRegistry): Json[] {
  const shape = dto instanceof z.ZodObject ? (dto.shape as Record<string, z.ZodType>) : {};
  return [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: shape[name] ? schemas.input(shape[name]) : { type: 'string' },
  }));
}

function queryParams(dto: z.ZodType | undefined, schemas: SchemaRegistry): Json[] {
  if (!(dto instanceof z.ZodObject)) return [];
  return Object.entries(dto.shape as Record<string, z.ZodType>).map(([name, s]) => {
    const schema = schemas.input(s);
    const { description, ...rest } = schema;
    return { name, in: 'query', required: !s.safeParse(undefined).success, ...(description ? { description } : {}), schema: rest };
  });
}

/** The zod schemas behind a handler's @Body(), @Query() and @Param() (whole-object DTOs only). */
function argDtos(controller: Function, method: string): { body?: z.ZodType; query?: z.ZodType; params?: z.ZodType } {
  const args: Record<string, { index: number; data?: unknown }> = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {};
  const types: unknown[] = Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? [];
  const out: { body?: z.ZodType; query?: z.ZodType; params?: z.ZodType } = {};
  for (const [key, a] of Object.entries(args)) {
    const m = /^(\d+):\d+$/.exec(key);
    if (!m || a.data !== undefined) continue;
    const schema = (types[a.index] as { schema?: unknown } | undefined)?.schema;
    if (!(schema instanceof z.ZodType)) continue;
    const kind = Number(m[1]);
    if (kind === ARG.BODY) out.body = schema;
    if (kind === ARG.QUERY) out.query = schema;
    if (kind === ARG.PARAM) out.params = schema;
  }
  return out;
}

/**
 * Zod → JSON Schema (2020-12, which OpenAPI 3.1 uses). Schemas with `.meta({ id })` become named
 * components; an input shape that differs from the output of the same id is named `<id>Input`.
 */
export class SchemaRegistry {
  private readonly named = new Map<string, Json>();

  input(s: z.ZodType): Json {
    return this.convert(s, 'input');
  }
  output(s: z.ZodType): Json {
    return this.convert(s, 'output');
  }
  components(): Json {
    return Object.fromEntries([...this.named].sort(([a], [b]) => a.localeCompare(b)));
  }

  private convert(s: z.ZodType, io: 'input' | 'output'): Json {
    const json = z.toJSONSchema(s, {
      io,
      unrepresentable: 'any',
      override: (ctx) => {
        const def = (ctx.zodSchema as { _zod?: { def?: { type?: string } } })._zod?.def;
        if (def?.type === 'date') Object.assign(ctx.jsonSchema, { type: 'string', format: 'date-time' });
      },
    }) as Json;
    delete json.$schema;
    const defs: Json = json.$defs ?? {};
    delete json.$defs;
    const rename = new Map<string, string>();
    for (const [id, schema] of Object.entries(defs)) {
      let name = id;
      const existing = this.named.get(name);
      if (existing && JSON.stringify(existing) !== JSON.stringify(schema)) name = io === 'input' ? `${id}Input` : id;
      rename.set(id, name);
    }
    const fix = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(fix);
      if (!node || typeof node !== 'object') return node;
      const o: Json = {};
      const n = node as Json;
      for (const [k, v] of Object.entries(node)) {
        // Noise for readers and clients: zod's regex behind a named format, and the safe-integer bounds.
        if (k === 'pattern' && typeof n.format === 'string') continue;
        if ((k === 'maximum' || k === 'minimum') && Math.abs(v as number) === Number.MAX_SAFE_INTEGER) continue;
        if (k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')) o[k] = `#/components/schemas/${rename.get(v.slice(8)) ?? v.slice(8)}`;
        else o[k] = fix(v);
      }
      return o;
    };
    for (const [id, schema] of Object.entries(defs)) {
      const name = rename.get(id)!;
      const fixed = fix(schema) as Json;
      const existing = this.named.get(name);
      if (existing && JSON.stringify(existing) !== JSON.stringify(fixed)) {
        throw new Error(`OpenAPI: two different schemas are both named ${name}`);
      }
      this.named.set(name, fixed);
    }
    return fix(json) as Json;
  }
}
