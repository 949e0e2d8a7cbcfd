/**
 * Reads the app's own OpenAPI document to build requests for every API operation: the sweeps that check one rule
 * on every route (bad input, access by any spelling of the address) use it, so a new route is swept without a line
 * of test written for it.
 */
type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  minLength?: number;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
type Parameter = { in: 'path' | 'query' | 'header'; name: string; schema?: Schema };
export type Document = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Parameter[];
        requestBody?: { content?: Record<string, { schema?: Schema }> };
        responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
      }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
};

export type Operation = {
  method: string;
  /** The route as Fastify knows it: `/api/missions/:id`. */
  route: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body: Schema | null;
};

export type FieldPath = (string | number)[];

export function operationsOf(document: Document): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        route: path.replace(/\{(\w+)\}/g, ':$1'),
        pathParams: (operation.parameters ?? []).filter((p) => p.in === 'path'),
        queryParams: (operation.parameters ?? []).filter((p) => p.in === 'query'),
        body: operation.requestBody?.content?.['application/json']?.schema ?? null,
      })),
  );
}

export class SchemaReader {
  constructor(private readonly document: Document) {}

  resolve(schema: Schema | undefined): Schema {
    let current = schema ?? {};
    for (let depth = 0; current.$ref && depth < 10; depth++) {
      current = this.document.components?.schemas?.[current.$ref.split('/').pop()!] ?? {};
    }
    return current;
  }

  /** A value the schema accepts for a path parameter, so that only the part under test is wrong. */
  sampleParam(schema: Schema | undefined): string {
    const s = this.resolve(schema);
    if (s.enum?.length) return String(s.enum[0]);
    if (s.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
    if (s.pattern === '^\\d{5}$') return '81001';
    if (s.type === 'integer' || s.type === 'number') return '1';
    return 'x'.repeat(Math.max(1, s.minLength ?? 1));
  }

  /** The branches a value may take: a nullable field is `anyOf: [T, null]`. */
  private branches(schema: Schema): Schema[] {
    const s = this.resolve(schema);
    const alternatives = s.anyOf ?? s.oneOf ?? s.allOf;
    return alternatives ? alternatives.flatMap((b) => this.branches(b)) : [s];
  }

  /** The top-level field names of an object schema (of every branch of a union), sorted. */
  fieldsOf(schema: Schema | undefined): string[] {
    if (!schema) return [];
    const names = this.branches(schema).flatMap((branch) => {
      const inner = branch.items ? this.resolve(branch.items) : branch;
      return Object.keys(inner.properties ?? {});
    });
    return [...new Set(names)].sort();
  }

  /** Every path in a body schema to a field matching `accept`, through objects and arrays. */
  findFields(schema: Schema, accept: (s: Schema) => boolean, path: FieldPath = [], depth = 0): FieldPath[] {
    if (depth > 6) return [];
    return this.branches(schema).flatMap((branch) => {
      if (accept(branch)) return [path];
      if (branch.properties) {
        return Object.entries(branch.properties).flatMap(([key, child]) =>
          this.findFields(child, accept, [...path, key], depth + 1),
        );
      }
      if (branch.items) return this.findFields(branch.items, accept, [...path, 0], depth + 1);
      return [];
    });
  }
}

export function fillRoute(operation: Operation, reader: SchemaReader, override: Record<string, string> = {}): string {
  return operation.route.replace(/:(\w+)/g, (_, name: string) => {
    if (name in override) return override[name]!;
    const parameter = operation.pathParams.find((p) => p.name === name);
    return encodeURIComponent(reader.sampleParam(parameter?.schema));
  });
}

/** `{ a: [ { b: value } ] }` for the path `a.0.b`. */
export function bodyWith(path: FieldPath, value: unknown): unknown {
  return path.reduceRight<unknown>((inner, key) => (typeof key === 'number' ? [inner] : { [key]: inner }), value);
}

export const isString = (s: Schema) => s.type === 'string' && !s.enum;
export const isDate = (s: Schema) => s.type === 'string' && s.format === 'date';

/**
 * What the OpenAPI document says an operation takes and answers, as field names: so a test checks the documented
 * shape (« the portfolio takes projects and budgets ») rather than that something is documented at all.
 */
export function documentedShape(
  document: Document,
  method: string,
  path: string,
  status = '200',
): { body: string[]; response: string[] } {
  const operation = document.paths[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`${method} ${path} is not in the OpenAPI document`);
  const reader = new SchemaReader(document);
  return {
    body: reader.fieldsOf(operation.requestBody?.content?.['application/json']?.schema),
    response: reader.fieldsOf(operation.responses?.[status]?.content?.['application/json']?.schema),
  };
}
