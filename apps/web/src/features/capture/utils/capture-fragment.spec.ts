import { readCaptureFragment } from './capture-fragment.js';

const token = 'T'.repeat(43);

describe('readCaptureFragment', () => {
  it.each([
    [`#${token}`, { token, preview: false }],
    [`#${token}&preview`, { token, preview: true }],
    [`${token}&other&preview`, { token, preview: true }],
    [`#${token}&previewed`, { token, preview: false }],
    ['#short&preview', { token: null, preview: true }],
    ['', { token: null, preview: false }],
  ])('reads %s', (hash, expected) => {
    expect(readCaptureFragment(hash)).toEqual(expected);
  });
});
