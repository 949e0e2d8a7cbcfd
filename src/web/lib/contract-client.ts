import { queryOptions } from '@tanstack/react-query';
import { type Endpoint, type EndpointArgs, type EndpointResponse, fillPath } from '../../domain/shared/contract.ts';
import { type QueryValue, request, withQuery } from './api.ts';

/** The arguments of an endpoint, optional altogether when it needs none. */
export type CallArgs<E extends Endpoint> =
  Record<string, never> extends EndpointArgs<E> ? [args?: EndpointArgs<E>] : [args: EndpointArgs<E>];

/**
 * Calls one endpoint of a contract (`src/domain/<feature>/<feature>.contract.ts`): the path, the query and the body
 * are typed from its schemas, and so is the answer, so a changed response fails the web's typecheck.
 */
export function call<E extends Endpoint>(endpoint: E, ...[args]: CallArgs<E>): Promise<EndpointResponse<E>> {
  const a = args as
    | { params?: Record<string, unknown>; query?: Record<string, QueryValue>; body?: unknown }
    | undefined;
  return request<EndpointResponse<E>>(
    endpoint.method,
    withQuery(fillPath(endpoint.path, a?.params), a?.query),
    a?.body,
  );
}

/** Query values the URL leaves out (`withQuery`) are left out of the key too, so `{}` and `{ phase: undefined }` share it. */
function present(values: object | undefined): Record<string, unknown> | undefined {
  if (!values) return undefined;
  const kept = Object.entries(values).filter(([, value]) => value !== undefined && value !== null && value !== '');
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/**
 * The query key of an endpoint: `[feature, name]` then `{ params, query }` when given. `[feature]` covers a
 * feature, `endpoint.key` every call of one endpoint (for `invalidateQueries`).
 */
export function endpointKey<E extends Endpoint>(endpoint: E, ...[args]: CallArgs<E>): readonly unknown[] {
  const a = args as { params?: object; query?: object } | undefined;
  const params = present(a?.params);
  const query = present(a?.query);
  const rest = params || query ? [{ ...(params ? { params } : {}), ...(query ? { query } : {}) }] : [];
  return [...endpoint.key, ...rest];
}

/** TanStack Query options for a GET endpoint: its key and its call, typed from the declaration. */
export function endpointQuery<E extends Endpoint>(endpoint: E, ...[args]: CallArgs<E>) {
  const rest = [args] as CallArgs<E>;
  return queryOptions({
    queryKey: endpointKey(endpoint, ...rest),
    queryFn: () => call(endpoint, ...rest),
  });
}
