import type { z } from 'zod';
import { RPC_METHODS, type RpcMethod } from '@clipyard/contracts';

/** A success response: a zod schema (JSON body), `null` (no body), or the long form. */
export type ApiResponseSpec =
  | z.ZodType
  | null
  | {
      description?: string;
      /** JSON body schema; omit for a body that is not JSON (see `content`). */
      schema?: z.ZodType;
      /** Non-JSON bodies: media type → OpenAPI schema object (e.g. `{ 'video/mp4': { type: 'string', format: 'binary' } }`). */
      content?: Record<string, Record<string, unknown>>;
      /** Response headers worth documenting (name → description, or `{ description, required: true }` when always sent). */
      headers?: Record<string, string | { description: string; required?: boolean }>;
    };

export interface ApiHeaderSpec {
  description: string;
  required?: boolean;
}

/** How a route documents itself in the gateway's OpenAPI description (see the README, "Documenting a route"). */
export interface ApiRouteSpec {
  /** operationId as a client method: `<area>.<verbThing>`, e.g. `jobs.createTrim`. */
  id: string;
  summary: string;
  /** Behaviour that needs words (markdown). The scope/role lines are added automatically. */
  description?: string;
  /** Success statuses → body. The `@Body()`/`@Query()`/`@Param()` DTOs are documented from their zod schemas on their own. */
  responses: Record<number, ApiResponseSpec>;
  /**
   * Stable error codes (from the shared tables) this route may answer with, beyond those every route of its
   * kind can (401/403/429 for authenticated routes, 400/413/415/422 for a body, 422 for a query, 500, 503).
   */
  errors?: readonly string[];
  /** Request headers the route reads (name → description). */
  headers?: Record<string, ApiHeaderSpec>;
  /** Request body when it is not a `@Body()` DTO: a zod schema (JSON) or media type → OpenAPI schema object. */
  body?: z.ZodType | { content: Record<string, Record<string, unknown>>; required?: boolean };
  /** Query parameters when they are not a `@Query()` DTO. */
  query?: z.ZodObject;
  /** `session`: only an access token works (not an API key). Default: API key or access token. */
  auth?: 'session';
  /** Extra examples per request media type (`application/json` → example value). */
  example?: unknown;
}

export interface RegisteredRoute {
  controller: Function;
  method: string;
  spec: ApiRouteSpec;
}

/** Every @ApiRoute, keyed the way @nestjs/swagger names operations by default (`Controller_method`). */
export const API_ROUTES = new Map<string, RegisteredRoute>();

/**
 * Describes a route in the OpenAPI document: operationId, summary, responses (from zod schemas) and the
 * error codes it may return. Security, scopes, parameters and the request body are read from the route itself.
 */
export function ApiRoute(spec: ApiRouteSpec): MethodDecorator {
  return (target, key) => {
    const controller = (target as { constructor: Function }).constructor;
    API_ROUTES.set(`${controller.name}_${String(key)}`, { controller, method: String(key), spec });
  };
}

/** The zod schema an RPC method replies with, for routes that return that reply as is. */
export const rpcReply = <M extends RpcMethod>(method: M): (typeof RPC_METHODS)[M]['reply'] => RPC_METHODS[method].reply;
