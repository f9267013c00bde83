import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.js';
import { readEnv } from './config/env.js';
import { createBrowserClientFactories } from './lib/create-clients.js';
import { createQueryCache } from './lib/query-cache.js';

const root = document.getElementById('root');
if (!root) throw new Error('invariant: index.html has a #root element');

const factories = createBrowserClientFactories({ env: readEnv(window.location) });
createRoot(root).render(
  <StrictMode>
    <App factories={factories} queryCache={createQueryCache()} />
  </StrictMode>,
);
