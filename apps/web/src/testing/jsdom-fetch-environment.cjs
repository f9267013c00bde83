// Jest's jsdom environment plus the fetch API and WebCrypto, so that the web tests drive the real @pave/client.
// jsdom has neither; Node has both. ky builds Node's Request, which reads its body and signal only when they are
// Node's own: so FormData, AbortController and AbortSignal are Node's too. Blob and File stay jsdom's (its
// FileReader and Testing Library's clipboard read them), with the standard methods jsdom leaves out added, so that
// Node's FormData takes them as files.
const { TestEnvironment } = require('jest-environment-jsdom');

const fromNode = [
  'Request',
  'Response',
  'Headers',
  'AbortController',
  'AbortSignal',
  'ReadableStream',
  'TextEncoder',
  'TextDecoder',
];

/** Node's FormData that, like the browser's, can also be built from a form element (read by jsdom's FormData). */
function formDataOver(JsdomFormData) {
  return class FormData extends globalThis.FormData {
    constructor(form, submitter) {
      super();
      if (form === undefined) return;
      for (const [name, value] of new JsdomFormData(form, submitter)) this.append(name, value);
    }
  };
}

/** `arrayBuffer()`, `text()` and `stream()` on jsdom's Blob (and so File), read through its FileReader. */
function completeBlob(window) {
  const read = (blob, as) =>
    new Promise((resolve, reject) => {
      const reader = new window.FileReader();
      reader.onload = () => resolve(reader.result);
      reader.onerror = () => reject(reader.error);
      reader[as](blob);
    });
  Object.assign(window.Blob.prototype, {
    arrayBuffer() {
      return read(this, 'readAsArrayBuffer');
    },
    text() {
      return read(this, 'readAsText');
    },
    stream() {
      const bytes = read(this, 'readAsArrayBuffer');
      return new ReadableStream({
        async start(controller) {
          controller.enqueue(new Uint8Array(await bytes));
          controller.close();
        },
      });
    },
  });
}

class JsdomFetchEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    const window = this.global;
    for (const name of fromNode) window[name] = globalThis[name];
    window.FormData = formDataOver(window.FormData);
    Object.defineProperty(window, 'crypto', { value: globalThis.crypto, configurable: true });
    completeBlob(window);
  }
}

module.exports = JsdomFetchEnvironment;
