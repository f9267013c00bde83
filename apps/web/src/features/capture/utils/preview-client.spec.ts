import type { CaptureClient } from '@pave/client';
import type { SessionKey } from '@pave/domain';
import { previewClient, PreviewRefusal } from './preview-client.js';

function recordingClient(sent: string[]): CaptureClient {
  const call = (name: string) => () => (sent.push(name), Promise.resolve({}) as never);
  return {
    sessionKey: 'DEM-1' as SessionKey,
    get: call('get'),
    start: call('start'),
    upload: call('upload'),
    manual: call('manual'),
    skip: call('skip'),
    confirm: call('confirm'),
  };
}

describe('previewClient', () => {
  it('reads the capture state through the real client', async () => {
    const sent: string[] = [];

    await previewClient(recordingClient(sent)).get();

    expect(sent).toEqual(['get']);
  });

  it('refuses every change before anything is sent', async () => {
    const sent: string[] = [];
    const client = previewClient(recordingClient(sent));
    const photo = new Blob(['jpeg']);

    await expect(client.start()).rejects.toBeInstanceOf(PreviewRefusal);
    await expect(client.upload(1, photo)).rejects.toBeInstanceOf(PreviewRefusal);
    await expect(client.manual({ photo_code: 1, value: '1HGCM82633A004352' })).rejects.toBeInstanceOf(PreviewRefusal);
    await expect(client.skip(4)).rejects.toBeInstanceOf(PreviewRefusal);
    await expect(client.confirm()).rejects.toBeInstanceOf(PreviewRefusal);
    expect(sent).toEqual([]);
  });
});
