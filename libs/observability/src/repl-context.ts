/**
 * Puts admin helpers into a Nest/Node REPL context. Defined rather than assigned, so a helper may
 * shadow one of Node's REPL globals of the same name (`crypto` is a getter-only global there).
 */
export function installReplHelpers(context: object, helpers: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(helpers)) {
    Object.defineProperty(context, name, { value, configurable: true, enumerable: true, writable: true });
  }
}
