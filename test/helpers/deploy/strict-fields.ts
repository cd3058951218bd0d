/**
 * Unknown-field check for rendered manifests. The Kubernetes OpenAPI schemas (and so
 * `kubernetes-models`' validators) allow unknown properties, so a typo such as `readinesProbe`
 * would pass them and be dropped by the API server. This walks each object along the TypeScript
 * declarations that `kubernetes-models` ships (through the TypeScript compiler's type checker)
 * and reports every property the declared type does not have.
 */
import * as path from 'node:path';
import * as ts from 'typescript';
import type { K8sObject } from './render';

const MODELS = path.dirname(require.resolve('kubernetes-models/package.json'));

const declFile = (o: K8sObject) =>
  path.join(MODELS, o.apiVersion.includes('/') ? o.apiVersion : 'v1', `${o.kind}.d.ts`);

let program: ts.Program | undefined;
const roots = new Set<string>();

/** Returns `Kind/name: path.to.field` for every property unknown to the object's declared type. */
export function unknownFields(objects: K8sObject[]): string[] {
  const typed = objects.filter((o) => !o.apiVersion.startsWith('keda.sh/'));
  const files = typed.map(declFile);
  if (!program || files.some((f) => !roots.has(f))) {
    files.forEach((f) => roots.add(f));
    program = ts.createProgram([...roots], { strict: true, noEmit: true, skipLibCheck: true, types: [] }, undefined, program);
  }
  const prog = program;
  const checker = prog.getTypeChecker();
  const problems: string[] = [];

  const rootType = (o: K8sObject): ts.Type | undefined => {
    const sf = prog.getSourceFile(declFile(o));
    const mod = sf && checker.getSymbolAtLocation(sf);
    const sym = mod && checker.getExportsOfModule(mod).find((s) => s.name === `I${o.kind}`);
    if (!sym) return undefined;
    return checker.getDeclaredTypeOfSymbol(sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym);
  };

  const walk = (value: unknown, type: ts.Type, at: string, where: string): void => {
    if (value === null || typeof value !== 'object') return;
    const t = checker.getNonNullableType(type);
    if (Array.isArray(value)) {
      const el = checker.getIndexTypeOfType(t, ts.IndexKind.Number);
      if (el) value.forEach((v, i) => walk(v, el, `${at}[${i}]`, where));
      return;
    }
    // unions of object types (rare in these models): accept a key any member declares
    const members = t.isUnion() ? t.types.filter((m) => m.flags & ts.TypeFlags.Object) : [t];
    if (!members.length) return;
    const stringIndex = members.map((m) => checker.getIndexTypeOfType(m, ts.IndexKind.String)).find(Boolean);
    const props = new Map<string, ts.Symbol>();
    for (const m of members) for (const p of checker.getPropertiesOfType(m)) props.set(p.name, p);
    if (!props.size && !stringIndex) return; // free-form (RawExtension, JSON) — nothing to check
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const p = props.get(key);
      if (p) {
        const decl = p.valueDeclaration ?? p.declarations?.[0];
        walk(v, decl ? checker.getTypeOfSymbolAtLocation(p, decl) : checker.getAnyType(), `${at}.${key}`, where);
      } else if (stringIndex) {
        walk(v, stringIndex, `${at}.${key}`, where);
      } else {
        problems.push(`${where}: unknown field ${at.slice(1)}.${key}`.replace(': unknown field .', ': unknown field '));
      }
    }
  };

  for (const o of typed) {
    const where = `${o.kind}/${o.metadata?.name}`;
    const t = rootType(o);
    if (!t) {
      problems.push(`${where}: no type declaration for ${o.apiVersion} ${o.kind}`);
      continue;
    }
    walk(o, t, '', where);
  }
  return problems;
}
