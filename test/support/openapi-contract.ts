import type { OpenAPIObject, OperationObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import type { Response } from 'supertest';

// ajv-formats is CommonJS; its plugin is both module.exports and its `default`.
const addFormats = ajvFormats.default;

type Node = Record<string, unknown>;

/**
 * OpenAPI 3.0 schemas as strict JSON Schema: `nullable` becomes "or null", and an object schema
 * with properties allows no others, so an answer with an undocumented field does not conform.
 */
function strict(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strict);
  if (!node || typeof node !== 'object') return node;
  const { nullable, example: _example, ...rest } = node as Node;
  const out: Node = {};
  for (const [key, value] of Object.entries(rest)) {
    out[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(value as Node).map(([name, schema]) => [name, strict(schema)]))
        : strict(value);
  }
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return nullable ? { anyOf: [{ type: 'null' }, out] } : out;
}

/** Checks real answers against the document: status documented, content type documented, JSON body valid against its schema. */
export class Contract {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();
  readonly checked = new Set<string>();

  constructor(private readonly document: OpenAPIObject) {
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: 'doc', components: { schemas: strict(document.components?.schemas ?? {}) } });
  }

  /** What is wrong with `res` as an answer of `operation` (`GET /api/v1/cases/{id}`): nothing, or sentences. */
  problems(operation: string, res: Response): string[] {
    const [method, path] = operation.split(' ');
    const op = (this.document.paths[path] as Record<string, OperationObject> | undefined)?.[method.toLowerCase()];
    if (!op) return [`${operation}: not in the document`];
    const response = op.responses[String(res.status)] as ResponseObject | undefined;
    if (!response) return [`${operation}: answered ${res.status}, which is not documented`];
    this.checked.add(`${operation} ${res.status}`);
    if (!response.content) return res.status === 204 ? [] : [`${operation} ${res.status}: documents no content`];
    const type = String(res.headers['content-type'] ?? '').split(';')[0];
    const media = response.content[type];
    if (!media) return [`${operation} ${res.status}: content type ${type} not among ${Object.keys(response.content).join(', ')}`];
    if (!type.endsWith('json')) return [];
    const validate = this.validator(`${operation} ${res.status} ${type}`, media.schema as SchemaObject);
    if (validate(res.body)) return [];
    return (validate.errors ?? []).map(
      (e) => `${operation} ${res.status}: ${e.instancePath || 'body'} ${e.message} ${JSON.stringify(e.params)}`,
    );
  }

  private validator(key: string, schema: SchemaObject): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      const resolved = JSON.parse(JSON.stringify(strict(schema)).replaceAll('"#/components/', '"doc#/components/')) as object;
      validate = this.ajv.compile(resolved);
      this.compiled.set(key, validate);
    }
    return validate;
  }
}
