// @pave/client/people: a person signed in with a cookie session (see README.md, "Entry points").
export { createPeopleClient, createPeopleSessionsClient } from './lib/create-people-client.js';
export type {
  PeopleClient,
  PeopleSessionsClient,
  PeopleClientOptions,
  AuthClient,
} from './lib/create-people-client.js';
export type { ApiClientOptions, RetryOptions, TransportOptions } from './lib/resolve-transport-settings.js';
export type {
  HttpMethod,
  PaveRequestEvent,
  PaveResponseEvent,
  RequestOptions,
  Transport,
  ApiCall,
} from './lib/create-transport.js';
