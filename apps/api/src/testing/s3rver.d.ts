// The part of s3rver 3.7 (an in-process S3 emulator, tests only) that the test helpers use; it ships no types.
declare module 's3rver' {
  import type { Server } from 'node:http';
  import type { AddressInfo } from 'node:net';

  type S3rverOptions = {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    configureBuckets?: { name: string }[];
  };

  class S3rver {
    constructor(options: S3rverOptions);
    run(): Promise<AddressInfo>;
    /** The HTTP server `run()` listens with. */
    httpServer?: Server;
    close(): Promise<void>;
  }

  export = S3rver;
}
