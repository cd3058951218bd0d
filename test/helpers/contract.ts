/**
 * Contract check: every response an e2e test receives from the gateway is validated against the
 * gateway's own OpenAPI description (documented status, documented content type and required
 * headers, body schema). A route whose real answer differs from its description fails the test
 * that saw it. Routes the document does not describe (health, metrics, /admin/queues, signed file
 * links) are not checked.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

type Json = Record<string, any>;
const DOC_ID = 'https://clipyard.invalid/openapi.json';

interface Operation {
  id: string;
  template: string;
  regex: RegExp;
  statics: number;
  op: Json;
}

export class ContractChecker {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  private readonly ops = new Map<string, Operation[]>();
  private readonly validators = new Map<string, ValidateFunction>();
  /** Every operation a test received a checked answer from (for coverage reports). */
  readonly seen = new Set<string>();

  constructor(readonly doc: Json) {
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: DOC_ID, components: absolute(doc.components ?? {}) });
    for (const [template, item] of Object.entries<Json>(doc.paths)) {
      const regex = new RegExp(`^${template.split(/\{[^}]+\}/).map(escapeRegex).join('([^/]+)')}$`);
      const statics = template.split('/').filter((s) => s && !s.startsWith('{')).length;
      for (const [method, op] of Object.entries<Json>(item)) {
        const list = this.ops.get(method) ?? [];
        list.push({ id: op.operationId, template, regex, statics, op });
        this.ops.set(method, list.sort((a, b) => b.statics - a.statics));
      }
    }
  }

  /** The operation a request hits, if the document describes it. */
  find(method: string, url: string): Operation | undefined {
    const path = new URL(url, 'http://x').pathname;
    return this.ops.get(method.toLowerCase())?.find((o) => o.regex.test(path));
  }

  /**
   * Error answers must be the shared envelope (fatal otherwise). A status or code the route does not
   * list is printed as a warning instead of failing the test: many engineers add codes at once, and
   * a missing line in the description should not fail every suite.
   */
  private checkError(where: string, o: Operation, r: Json | undefined, status: number, text: string): string[] {
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      return [`${where} with a non-JSON error body: ${text.slice(0, 200)}`];
    }
    let envelope = this.validators.get('Error');
    if (!envelope) {
      envelope = this.ajv.compile({ $ref: `${DOC_ID}#/components/schemas/Error` });
      this.validators.set('Error', envelope);
    }
    if (!envelope(body)) return [`${where} with a body that is not the error envelope: ${text.slice(0, 300)}`];
    const codes: string[] | undefined = r?.content?.['application/json']?.schema?.allOf?.[1]?.properties?.error?.properties?.code?.enum;
    const code = (body as { error: { code: string } }).error.code;
    if (!r || (codes && !codes.includes(code))) {
      const note = `${o.id}: ${status} ${code} is not in its description`;
      if (!undocumentedErrors.has(note)) {
        undocumentedErrors.add(note);
        console.warn(`contract check (warning): ${note}; add it to the route's @ApiRoute errors`);
      }
    }
    return [];
  }

  /** Problems with one response (empty when it matches its description). */
  check(method: string, url: string, status: number, headers: Headers, text: string): string[] {
    const o = this.find(method, url);
    if (!o || o.op['x-undocumented']) return [];
    this.seen.add(o.id);
    const where = `${o.id} (${method.toUpperCase()} ${o.template}) answered ${status}`;
    const r = o.op.responses?.[String(status)];
    if (status >= 400) return this.checkError(where, o, r, status, text);
    if (!r) return [`${where}, which its description does not list (documented: ${Object.keys(o.op.responses ?? {}).join(', ')})`];
    const problems: string[] = [];
    for (const [name, h] of Object.entries<Json>(r.headers ?? {})) {
      if (h.required && !headers.has(name)) problems.push(`${where} without the required header ${name}`);
    }
    const content: Json = r.content ?? {};
    if (!text) {
      if (Object.keys(content).length && status !== 206 && method.toUpperCase() !== 'HEAD') {
        problems.push(`${where} with an empty body; documented: ${Object.keys(content).join(', ')}`);
      }
      return problems;
    }
    const type = (headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (!Object.keys(content).length) return [...problems, `${where} with a ${type || 'typeless'} body; documented: no body`];
    if (!content[type]) {
      if (!content['application/octet-stream'] && !Object.keys(content).some((t) => t.endsWith('/*'))) {
        problems.push(`${where} with ${type}; documented: ${Object.keys(content).join(', ')}`);
      }
      return problems;
    }
    const schema = content[type].schema;
    if (type !== 'application/json' || !schema) return problems;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return [...problems, `${where} with invalid JSON`];
    }
    const key = `${o.id} ${status}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(absolute(schema));
      this.validators.set(key, validate);
    }
    if (!validate(body)) {
      const errs = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(body)'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`);
      problems.push(`${where} with a body that does not match its schema: ${errs.join('; ')}\n  body: ${text.slice(0, 600)}`);
    }
    return problems;
  }
}

/** Error answers seen that the description does not list (status or code): reported, not fatal. */
export const undocumentedErrors = new Set<string>();

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `#/components/…` refs → refs into the document registered under DOC_ID. */
function absolute<T>(node: T): T {
  if (Array.isArray(node)) return node.map(absolute) as T;
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${DOC_ID}${v}` : absolute(v);
  return out as T;
}

/** A fetch that checks every answer against the contract (for the typed client in e2e tests). */
export function checkedFetch(checker: () => ContractChecker | undefined): typeof fetch {
  return async (input, init) => {
    const req = input instanceof Request ? input : new Request(input, init);
    const res = await fetch(req);
    const c = checker();
    if (!c) return res;
    const text = await res.clone().text();
    const problems = c.check(req.method, req.url, res.status, res.headers, text);
    if (problems.length) throw new ContractViolation(problems);
    return res;
  };
}

export class ContractViolation extends Error {
  constructor(problems: string[]) {
    super(`Contract check (the gateway's OpenAPI description vs its real answer):\n- ${problems.join('\n- ')}`);
    this.name = 'ContractViolation';
  }
}
