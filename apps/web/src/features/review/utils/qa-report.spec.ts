import type { SessionProgress } from '@pave/domain';
import { buildAttempt } from '../../../testing/build-attempt.js';
import { createFakeApi } from '../../../testing/fake-api.js';
import { createTestClient } from '../../../testing/render-app.js';
import { buildReviewSeed, sampleKey } from '../../../testing/sample-session.js';
import { buildQaReportRows, qaReportColumns, toQaReportCsv, toQaReportJson } from './qa-report.js';

async function sampleProgress() {
  return createTestClient(createFakeApi({ sessions: [buildReviewSeed()] })).sessions.progress(sampleKey);
}

describe('QA report', () => {
  it('has one row per attempt, steps in capture order, attempts numbered per step', async () => {
    const rows = buildQaReportRows(await sampleProgress());

    expect(rows.map((row) => [row.step, row.photo_label, row.attempt])).toEqual([
      [1, 'VIN', 1],
      [2, 'Interior', 1],
      [2, 'Interior', 2],
      [3, 'Cluster', 1],
      [4, 'Left', 1],
      [5, 'Front_Left', 1],
    ]);
  });

  it('writes the CSV header and quotes cells that need it', async () => {
    const lines = toQaReportCsv(await sampleProgress()).split('\r\n');

    expect(lines[0]).toBe(qaReportColumns.join(','));
    expect(lines[0]).toBe(
      'step,photo_code,photo_label,attempt,approved,approved_message,reason_code,created_at,updated_at,processing_seconds,url,typed_value',
    );
    expect(lines[2]).toBe(
      '2,2,Interior,1,false,REJECTED: Wrong View,wrong_view,2021-05-27T07:36:02+00:00,2021-05-27T07:36:02+00:00,2,http://localhost/images/2-2.jpg,',
    );
    // the odometer reading the driver typed on the Cluster step
    expect(lines[4]).toMatch(/^3,3,Cluster,1,true,ACCEPTED,.*,48213$/);
    expect(lines[6]).toBe(
      '5,10,Front_Left,1,false,REJECTED: Skipped,skipped,2021-05-27T07:36:16+00:00,2021-05-27T07:36:18+00:00,2,,',
    );
    expect(lines).toHaveLength(8);
  });

  it('writes JSON with the session facts and the same rows', async () => {
    const progress = await sampleProgress();
    const report = JSON.parse(toQaReportJson(progress));

    expect(report).toEqual({
      session_key: sampleKey,
      status: 'PROCESS',
      complete: false,
      attempts: buildQaReportRows(progress),
    });
  });

  it('quotes a free-text reason with a comma', () => {
    const attempt = buildAttempt({ photo_code: 9, reason: { text: 'Glare, reflections' }, reason_code: null });
    const progress: SessionProgress = {
      session_key: sampleKey,
      status: 'PROCESS',
      complete: false,
      next_step: null,
      steps: [{ step: 12, photo_code: 9, photo_label: 'Windshield', state: 'rejected', attempts: [attempt] }],
    };

    expect(toQaReportCsv(progress).split('\r\n')[1]).toBe(
      '12,9,Windshield,1,false,"REJECTED: Glare, reflections",,2021-05-27T07:36:16+00:00,2021-05-27T07:36:18+00:00,2,https://images.example.test/9.jpg,',
    );
  });
});
