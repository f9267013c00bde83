import type { z } from 'zod';

/** One response of a documented route. */
export type ResponseDoc = {
  readonly description: string;
  readonly schema?: z.core.$ZodType;
  /** `application/json` unless said otherwise. */
  readonly contentType?: string;
};

/** One route as the OpenAPI document describes it; each router exports the docs of its routes. */
export type RouteDoc = {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The Express path template (`/v1/sessions/:session_key`). */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag: string;
  /** True when the route needs the three PAVE auth headers. */
  readonly auth: boolean;
  readonly pathParams?: Readonly<Record<string, { readonly schema: z.core.$ZodType; readonly description: string }>>;
  /** The query schema (an object); each property becomes a query parameter. */
  readonly query?: z.core.$ZodObject;
  readonly body?: { readonly schema: z.core.$ZodType; readonly contentType: string; readonly description?: string };
  readonly responses: Readonly<Record<number, ResponseDoc>>;
};
