import { ApiErrorBody } from '@pave/domain';
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
  /**
   * True when the route needs the three PAVE auth headers; `'capture-token'` when it needs the capture link's
   * `Capture-Token` header instead.
   */
  readonly auth: boolean | 'capture-token';
  readonly pathParams?: Readonly<Record<string, { readonly schema: z.core.$ZodType; readonly description: string }>>;
  /** The query schema (an object); each property becomes a query parameter. */
  readonly query?: z.core.$ZodObject;
  readonly body?: { readonly schema: z.core.$ZodType; readonly contentType: string; readonly description?: string };
  readonly responses: Readonly<Record<number, ResponseDoc>>;
};

/** A refusal: the body every non-2xx answer has (`{message}`, plus `code` and `details` on our own routes). */
export function refusal(description: string): ResponseDoc {
  return { description, schema: ApiErrorBody };
}

/** The `304` of a read that carries an `ETag`: sent instead of the 200 when `If-None-Match` names the current tag. */
export const notModified: ResponseDoc = {
  description: 'Unchanged since the `ETag` named in `If-None-Match` (every 200 of this read carries one): no body.',
};

/** What the routes of one group share. Path parameters are merged: a route adds its own to the group's. */
export type RouteGroupDefaults = Pick<RouteDoc, 'tag' | 'auth' | 'pathParams'>;

/** The routes of a group, each given the group's tag, auth and path parameters. */
export function routeGroup(
  defaults: RouteGroupDefaults,
  routes: readonly Omit<RouteDoc, 'tag' | 'auth'>[],
): RouteDoc[] {
  return routes.map((route) => {
    const pathParams = defaults.pathParams || route.pathParams ? { ...defaults.pathParams, ...route.pathParams } : null;
    return { ...route, tag: defaults.tag, auth: defaults.auth, ...(pathParams ? { pathParams } : {}) };
  });
}

/** Unauthenticated `GET` routes under one tag (operations, documentation). */
export function publicGetRoutes(tag: string, routes: readonly Omit<RouteDoc, 'method' | 'tag' | 'auth'>[]): RouteDoc[] {
  return routes.map((route) => ({ ...route, method: 'get', tag, auth: false }));
}
