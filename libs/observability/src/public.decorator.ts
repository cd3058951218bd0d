import { applyDecorators, SetMetadata, type INestApplication } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { ApiKeyScope } from '@clipyard/contracts';

export const PUBLIC_ROUTE = 'clipyard:public';
/** Marks a route (or controller) as reachable without credentials; everything else needs them. */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension('x-public', true));

export const SCOPES = 'clipyard:scopes';
/**
 * The API key scopes a route needs (all of them), e.g. `@Scopes('jobs:write')`. Every route declares
 * this or `@Public()`; an app refuses to boot otherwise (see assertRoutesDeclareAccess). The
 * OpenAPI description shows them as `x-required-scopes`.
 */
export const Scopes = (...scopes: [ApiKeyScope, ...ApiKeyScope[]]) =>
  applyDecorators(SetMetadata(SCOPES, scopes), ApiExtension('x-required-scopes', scopes));


const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD', 'SEARCH'];

/** Every Nest route of the app with what it declares (for the boot check and the docs). */
export function listRouteAccess(app: INestApplication): { route: string; handler: string; public: boolean; scopes: ApiKeyScope[] | undefined }[] {
  const out: { route: string; handler: string; public: boolean; scopes: ApiKeyScope[] | undefined }[] = [];
  for (const mod of app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const cls = wrapper.metatype as (new (...a: never[]) => unknown) | undefined;
      if (!cls?.prototype) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, cls) ?? '');
      for (const name of Object.getOwnPropertyNames(cls.prototype)) {
        if (name === 'constructor') continue;
        const fn = Object.getOwnPropertyDescriptor(cls.prototype, name)?.value as unknown;
        if (typeof fn !== 'function' || Reflect.getMetadata(PATH_METADATA, fn) === undefined) continue;
        const method = METHODS[Reflect.getMetadata(METHOD_METADATA, fn) as number] ?? '?';
        const path = `/${[base, String(Reflect.getMetadata(PATH_METADATA, fn))].join('/')}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
        const isPublic = Reflect.getMetadata(PUBLIC_ROUTE, fn) ?? Reflect.getMetadata(PUBLIC_ROUTE, cls);
        const scopes = Reflect.getMetadata(SCOPES, fn) ?? Reflect.getMetadata(SCOPES, cls);
        out.push({ route: `${method} ${path}`, handler: `${cls.name}.${name}`, public: isPublic === true, scopes });
      }
    }
  }
  return out;
}

/** Deny by default: throws, listing them, when a route declares neither @Scopes(...) nor @Public(). */
export function assertRoutesDeclareAccess(app: INestApplication): void {
  const offenders = listRouteAccess(app).filter((r) => !r.public && !r.scopes?.length);
  if (offenders.length) {
    throw new Error(
      `Every route must declare @Scopes(...) or @Public(); these declare neither:\n${offenders.map((r) => `  ${r.route} (${r.handler})`).join('\n')}`,
    );
  }
}
