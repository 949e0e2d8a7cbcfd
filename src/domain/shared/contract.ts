import type { z } from 'zod';

/**
 * One HTTP endpoint, declared once: the server registers its route from it (validation, OpenAPI) and the web calls
 * it through one typed client (`src/web/lib/contract-client.ts`) whose types and query keys come from it. See
 * docs/decisions/130-typed-contract.md.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type EndpointSpec = {
  method: HttpMethod;
  /** Fastify's syntax: `/api/missions/:id`; every `:name` is a key of `params`. */
  path: `/api/${string}`;
  summary: string;
  /** A longer description for the OpenAPI document (the calculators' input formats). */
  description?: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** What a success answers; `z.null()` for 204. */
  response: z.ZodType;
  /** The success status, 200 unless said. */
  status?: 200 | 201 | 202 | 204;
  /** Refusals beyond the usual 400/401/403/404, for the OpenAPI document: status → when. */
  refusals?: Readonly<Record<number, string>>;
  /** Other answers with their own shape (e.g. the health check's 503). */
  otherResponses?: Readonly<Record<number, z.ZodType>>;
  /** false when the usual 400/401/403/404 cannot happen (the health check). */
  usualErrors?: false;
};

/** An endpoint of a contract: its spec, the feature it belongs to and its query key prefix. */
export type Endpoint<S extends EndpointSpec = EndpointSpec> = S & {
  readonly feature: string;
  readonly name: string;
  readonly tag: string;
  readonly key: readonly [string, string];
};

export type Contract<F extends string, E extends Record<string, EndpointSpec>> = {
  readonly [K in keyof E]: E[K] & {
    readonly feature: F;
    readonly name: K & string;
    readonly tag: string;
    readonly key: readonly [F, K & string];
  };
};

/**
 * The endpoints of one feature. Query keys start with `[feature, name]`, so the web invalidates a feature
 * (`[feature]`) or one endpoint (`endpoint.key`) without writing a key by hand.
 */
export function defineContract<const F extends string, const E extends Record<string, EndpointSpec>>(
  feature: F,
  endpoints: E,
  options: { tag?: string } = {},
): Contract<F, E> {
  const contract: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(endpoints)) {
    contract[name] = Object.freeze({ ...spec, feature, name, tag: options.tag ?? feature, key: [feature, name] });
  }
  return Object.freeze(contract) as Contract<F, E>;
}

type Infer<T, Fallback> = T extends z.ZodType ? z.output<T> : Fallback;
type InferIn<T, Fallback> = T extends z.ZodType ? z.input<T> : Fallback;

/** What the server's handler receives once validated. */
export type EndpointParams<E extends EndpointSpec> = Infer<E['params'], Record<string, never>>;
export type EndpointQuery<E extends EndpointSpec> = Infer<E['query'], Record<string, never>>;
export type EndpointBody<E extends EndpointSpec> = Infer<E['body'], undefined>;
/** What the server's handler returns (before the response schema serialises it). */
export type EndpointReply<E extends EndpointSpec> = z.input<E['response']>;
/** What the web receives. */
export type EndpointResponse<E extends EndpointSpec> = z.output<E['response']>;

/** What the web passes: only the parts the endpoint declares, required when the schema requires them. */
export type EndpointArgs<E extends EndpointSpec> = (E['params'] extends z.ZodType
  ? { params: z.input<E['params']> }
  : { params?: never }) &
  (E['query'] extends z.ZodType
    ? Record<string, never> extends InferIn<E['query'], never>
      ? { query?: InferIn<E['query'], never> }
      : { query: InferIn<E['query'], never> }
    : { query?: never }) &
  (E['body'] extends z.ZodType ? { body: z.input<E['body']> } : { body?: never });

/** `/api/missions/:id` + `{ id: 'a b' }` → `/api/missions/a%20b`. */
export function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}
