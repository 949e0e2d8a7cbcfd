import { ApiError } from '../../domain/shared/schemas.ts';

/** Error responses every route may give, for the OpenAPI document. */
export const errorResponses = {
  400: ApiError.describe('Invalid input: the message names the field'),
  401: ApiError.describe('Not signed in'),
  403: ApiError.describe('Not allowed, or missing CSRF token'),
  404: ApiError.describe('Not found'),
} as const;
