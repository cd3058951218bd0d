import type { FastifyInstance, preHandlerHookHandler, preParsingHookHandler, RouteOptions } from 'fastify';

interface RouteHooks {
  preParsing: preParsingHookHandler;
  preHandler: preHandlerHookHandler;
}

/**
 * Adds `hook` to the own hooks of each route `wanted` picks, after those it declares, as the route
 * is declared (so call it before the routes are registered): a hook of those routes alone, not a
 * global one that every request pays for (each global hook also builds Fastify's `routeOptions` to
 * learn its route). `added` is told each time it is attached.
 */
export function addRouteHook<K extends keyof RouteHooks>(
  fastify: FastifyInstance,
  name: K,
  hook: RouteHooks[K],
  wanted: (route: RouteOptions) => boolean,
  added?: () => void,
): void {
  fastify.addHook('onRoute', (route) => {
    if (!wanted(route)) return;
    // the route's own hooks of that name: none, one, or a list (Fastify takes either)
    const hooks: Partial<Record<keyof RouteHooks, unknown>> = route;
    const own = hooks[name];
    hooks[name] = [...(own === undefined ? [] : Array.isArray(own) ? own : [own]), hook];
    added?.();
  });
}
