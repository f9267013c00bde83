#!/usr/bin/env node
// An integration written only from PAVE's Sessions API documentation and its samples: it talks to whatever server
// PAVE_BASE_URL names (PAVE's, or this project's) with nothing but fetch and an HMAC. Pointing it at this server
// changes the base URL and the credentials, nothing else. `npm test` runs it against a freshly built server.
//
//   PAVE_BASE_URL=http://localhost:3000 PAVE_USERNAME=demo PAVE_API_KEY=… PAVE_API_SECRET=… \
//     node examples/pave-integration/pave-integration.mjs
import { createHmac } from 'node:crypto';

const { PAVE_BASE_URL, PAVE_USERNAME, PAVE_API_KEY, PAVE_API_SECRET } = process.env;
if (!PAVE_BASE_URL || !PAVE_USERNAME || !PAVE_API_KEY || !PAVE_API_SECRET) {
  console.error('Set PAVE_BASE_URL, PAVE_USERNAME, PAVE_API_KEY and PAVE_API_SECRET.');
  process.exit(2);
}

// PAVE: API-Token is the HMAC-SHA256 (hex), keyed with the API secret, of "<username>:<api_key>@<timestamp>"
function headers() {
  const timestamp = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const token = createHmac('sha256', PAVE_API_SECRET)
    .update(`${PAVE_USERNAME}:${PAVE_API_KEY}@${timestamp}`)
    .digest('hex');
  return {
    'API-Key': PAVE_API_KEY,
    'API-Token': token,
    'API-Timestamp': timestamp,
    'Content-Type': 'application/json',
  };
}

async function request(method, path, body) {
  const response = await fetch(`${PAVE_BASE_URL}/v1${path}`, {
    method,
    headers: headers(),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = await response.json();
  console.log(`${method} /v1${path} -> ${response.status}`);
  return { status: response.status, json };
}

function expect(condition, what) {
  if (!condition) throw new Error(`Unexpected answer: ${what}`);
}

// PAVE's create sample: every part optional; year and odometer reading sent as strings
const created = await request('POST', '/sessions', {
  session: {
    theme: 'PRO',
    redirect_url: 'https://www.example.com/thank-you',
    language: 'EN',
    client_id: 'SOUTH234889',
    contact: { first_name: 'Ada', last_name: 'Lovelace' },
    reference: { claim: 'C-17', branch: 'north' },
  },
  vehicle: {
    vin: '1HGCM82633A004352',
    year: '2019',
    make: 'Honda',
    model: 'Accord',
    body_type: 'Sedan',
    trim: 'EX',
    transmission: 'Automatic',
    ext_col: 'White',
    int_col: 'Black',
    odom_reading: '100,945',
    odom_unit: 'KILOMETRES',
  },
  sms: { to: '+15550100', to_name: 'Ada', from: 'Dealer', by: 'Dealer name' },
});
expect(created.status === 200, 'create should answer 200');
const { session_key: sessionKey, capture_url: captureUrl } = created.json;
expect(typeof sessionKey === 'string' && typeof captureUrl === 'string', 'a session_key and a capture_url');
expect(created.json.status === 'IDLE' && created.json.active === true, 'a new session is IDLE and active');
expect(created.json.options.client_id === 'SOUTH234889', 'options.client_id echoes session.client_id');
// the session object's fields, as PAVE's GET Session Data sample lists them
const sessionFields = [
  'session_key',
  'theme',
  'active',
  'status',
  'redirect_url',
  'inspect_started_at',
  'inspect_ended_at',
  'created_at',
  'updated_at',
  'language',
  'capture_url',
  'options',
  'vehicle',
];
const missing = sessionFields.filter((field) => !(field in created.json));
expect(missing.length === 0, `the session object lacks ${missing.join(', ')}`);
expect(created.json.inspect_started_at === null, 'the inspection has not started');
// the capture link is the driver's credential: it goes to the driver, never into a log
console.log(`  session ${sessionKey}, capture link ${new URL(captureUrl).origin}/…`);

// GET Session Data
const session = await request('GET', `/sessions/${sessionKey}`);
expect(session.status === 200 && session.json.session_key === sessionKey, 'the session');
expect(session.json.vehicle.make === 'Honda', 'the vehicle given');

// Update Session: language and redirect_url may change until the session is COMPLETE
const updated = await request('PUT', `/sessions/${sessionKey}`, {
  session: { language: 'FR', redirect_url: 'https://www.example.com/merci' },
});
expect(updated.status === 200 && updated.json.language === 'FR', 'the updated session');

// GET Session Photos: nothing captured yet
const photos = await request('GET', `/sessions/${sessionKey}/photos`);
expect(photos.status === 200 && Array.isArray(photos.json) && photos.json.length === 0, 'no photos yet');

// GET Session Results: not before the inspection is complete
const results = await request('GET', `/sessions/${sessionKey}/results`);
expect(results.json.message === 'Session is not yet completed.', 'results wait for completion');

// Delete Session: allowed while the capture has not started
const deleted = await request('DELETE', `/sessions/${sessionKey}`);
expect(
  deleted.status === 200 && deleted.json.message === `Session ${sessionKey} has been successfully removed.`,
  'removed',
);

const gone = await request('GET', `/sessions/${sessionKey}`);
expect(gone.status === 404 && gone.json.message === `Session ${sessionKey} cannot be found.`, 'gone');

console.log('PAVE integration: every call answered as documented.');
