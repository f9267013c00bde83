// jsdom lacks a few web globals that Node has and ky (inside @pave/client) reads when loaded.
import { TextDecoder, TextEncoder } from 'node:util';

Object.assign(globalThis, { TextEncoder, TextDecoder });
