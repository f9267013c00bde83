import {
  qaReasons,
  type ManualEntryCode,
  type PhotoCode,
  type QaReasonCode,
  type StepState,
  type TerminalStatus,
} from '@pave/domain';
import type { CaptureErrorCode } from './capture-error-codes.js';

// The domain's own words for each QA reason (what follows `REJECTED: ` in `approved_message`): one source of truth,
// widened so that the other catalogues give their translations.
const reasons: Readonly<Record<QaReasonCode, string>> = qaReasons;

type Titled = { readonly title: string; readonly body: string };
type ManualText = {
  readonly field: string;
  readonly offer: string;
  readonly save: string;
  readonly saved: (value: string) => string;
};

/** Every string of the capture app in English: the reference catalogue the others must match key for key. */
export const en = {
  appTitle: 'Vehicle inspection',
  opening: 'Opening the inspection…',
  cannotOpen: 'The inspection cannot be opened',
  linkInvalid: 'This inspection link is not valid. Check the link or ask for a new one.',
  tryAgain: 'Try again',
  networkError: 'Cannot reach the server. Check your connection and try again.',
  intro: {
    title: 'Photograph your vehicle',
    askedBy: (integrator: string) => `${integrator} asks you for photos of your vehicle.`,
    vehicle: (vehicle: string) => `Vehicle: ${vehicle}`,
    needed: (count: number) =>
      `${count} photos are needed: the VIN, the inside, the odometer, the windshield, a tyre and 8 views around the vehicle.`,
    duration: 'It takes about 10 minutes.',
    light: 'Go where the light is good (daylight, no direct sun) and where you can walk all around the vehicle.',
    start: 'Start',
    starting: 'Starting…',
  },
  progress: (done: number, total: number) => `${done} of ${total} done`,
  stepPosition: (step: number, total: number) => `Step ${step} of ${total}`,
  back: 'Back',
  next: 'Next',
  allSteps: 'All steps',
  titles: {
    1: 'VIN',
    2: 'Interior',
    3: 'Odometer (instrument cluster)',
    4: 'Left side',
    5: 'Front',
    6: 'Tyres',
    7: 'Right side',
    8: 'Rear',
    9: 'Windshield',
    10: 'Front left corner',
    11: 'Front right corner',
    12: 'Rear right corner',
    13: 'Rear left corner',
  } satisfies Record<PhotoCode, string>,
  instructions: {
    1: 'Photograph the VIN plate (bottom of the windshield or the driver’s door pillar) so all 17 characters are sharp.',
    2: 'Open the driver’s door and photograph the dashboard and the front seats.',
    3: 'Switch the ignition on and photograph the instrument cluster so the odometer reading is readable.',
    4: 'Stand back and photograph the whole left side of the vehicle, phone held sideways.',
    5: 'Photograph the whole front of the vehicle, phone held sideways.',
    6: 'Photograph a front tyre up close so the tread is visible.',
    7: 'Stand back and photograph the whole right side of the vehicle, phone held sideways.',
    8: 'Photograph the whole rear of the vehicle, phone held sideways.',
    9: 'Photograph the whole windshield from the front, showing any chips or cracks.',
    10: 'Stand at the front-left corner and photograph the front and the left side together.',
    11: 'Stand at the front-right corner and photograph the front and the right side together.',
    12: 'Stand at the rear-right corner and photograph the rear and the right side together.',
    13: 'Stand at the rear-left corner and photograph the rear and the left side together.',
  } satisfies Record<PhotoCode, string>,
  example: 'How to frame it',
  landscapeHint: 'Turn your phone sideways for this view.',
  camera: {
    open: 'Open camera',
    shoot: 'Take photo',
    close: 'Close camera',
    starting: 'Starting the camera…',
    unavailable: 'The camera cannot be used here. Take or choose a photo with the button below.',
    frame: (title: string) => `Camera view with the outline of: ${title}`,
  },
  file: { take: 'Take photo', choose: 'Choose a photo instead' },
  preview: (title: string) => `Your photo: ${title}`,
  precheck: {
    too_dark: 'This photo looks too dark. Find more light, then retake it.',
    blurry: 'This photo looks blurry. Hold the phone steady, then retake it.',
    portrait: 'This photo is upright. Hold the phone sideways, then retake it.',
    sendAnyway: 'Send it anyway',
  },
  sending: 'Sending and checking the photo…',
  stillSending: 'Still sending… The connection is slow: the photo is kept until the server answers.',
  waitingForNetwork: 'No connection: the photo is kept and sent as soon as the connection returns.',
  notSent: 'The photo was not sent.',
  retryUpload: 'Retry upload',
  accepted: 'Photo accepted.',
  rejected: (reason: string) => `Photo rejected: ${reason}.`,
  pleaseRetake: 'Please retake the photo.',
  retake: 'Retake',
  reasons,
  advice: {
    wrong_view: 'This looks like another step’s photo. Check the instruction and photograph this view.',
    blurry: 'Hold the phone steady and tap the screen to focus before taking the photo.',
    too_dark: 'Find more light or switch the flash on.',
    too_bright: 'Avoid direct sunlight and reflections: step a little to one side.',
    low_resolution: 'Use the main camera at full resolution.',
    wrong_orientation: 'Turn the phone sideways (landscape).',
    skipped: 'This view was skipped.',
  } satisfies Record<QaReasonCode, string>,
  earlier: {
    accepted: 'A photo of this step was accepted. You can retake it or go on.',
    skipped: 'This view was skipped. You can still take a photo.',
  },
  manual: {
    1: {
      field: 'VIN (17 characters)',
      offer: 'Type the VIN instead',
      save: 'Save VIN',
      saved: (vin) => `VIN ${vin} saved`,
    },
    3: {
      field: 'Odometer reading',
      offer: 'Type the odometer reading instead',
      save: 'Save reading',
      saved: (reading) => `Odometer ${reading} saved`,
    },
  } satisfies Record<ManualEntryCode, ManualText>,
  manualInvalid: {
    1: 'A VIN has 17 letters or digits, without I, O or Q.',
    3: 'An odometer reading is 1 to 7 digits.',
  } satisfies Record<ManualEntryCode, string>,
  edit: 'Edit',
  saving: 'Saving…',
  skip: {
    action: 'Skip this view',
    skipping: 'Skipping…',
    rule: 'An outside view may be skipped once the VIN, interior, odometer, windshield and tyre photos are in.',
    notYet: (missing: string) => `To skip this view, first send: ${missing}.`,
  },
  remaining: {
    title: (count: number) => (count === 1 ? '1 photo still needed' : `${count} photos still needed`),
    body: 'Open each step to take its photo.',
  },
  summary: {
    title: 'Check and send',
    allIn: 'All photos are in.',
    rejected: (views: string) => `Rejected, sent as they are: ${views}.`,
    skipped: (views: string) => `Skipped: ${views}.`,
    confirm: 'Once sent, the photos cannot be changed. Send the inspection now?',
    submit: 'Submit inspection',
    submitting: 'Submitting…',
  },
  states: {
    pending: 'To do',
    accepted: 'Accepted',
    rejected: 'Rejected',
    skipped: 'Skipped',
    manual: 'Typed in',
  } satisfies Record<StepState, string>,
  closed: {
    COMPLETE: { title: 'Inspection sent', body: 'Thank you! The photos have been sent. You can close this page.' },
    EXPIRED: { title: 'This link has expired', body: 'The inspection was not finished in time. Ask for a new link.' },
    INVALID: { title: 'This inspection was cancelled', body: 'Ask for a new link if you still need to send photos.' },
  } satisfies Record<TerminalStatus, Titled>,
  invalidReason: 'Reason given:',
  notAccepting: {
    title: 'Photos cannot be sent now',
    body: 'This inspection is not accepting photos. Ask for a new link.',
  } satisfies Titled,
  redirecting: 'Inspection sent. Taking you back…',
  continueLink: 'Continue',
  offline: 'You are offline. Photos you take are kept and sent when the connection returns.',
  previewMode: {
    banner: 'Preview — nothing is sent',
    body: 'This is what the driver sees. Taking photos, typing values, skipping and submitting are turned off.',
    showSteps: 'See the steps',
  },
  errors: {
    generic: 'Something went wrong. Please try again.',
    timeout: 'The server took too long to answer. Please try again.',
    codes: {
      not_found: 'This inspection link is not valid. Check the link or ask for a new one.',
      session_closed: 'This inspection no longer takes photos.',
      invalid_transition: 'The inspection cannot be sent yet: some photos are still needed.',
      not_skippable: 'This photo cannot be skipped.',
      already_accepted: 'This view already has an accepted photo.',
      needed_images_missing: 'This view cannot be skipped yet: send the other needed photos first.',
      invalid_manual_value: 'This value was refused. Check it and try again.',
      invalid_request: 'The photo could not be sent as it was. Please take it again.',
      unsupported_media_type: 'This file is not a photo the server can read. Take the photo again with the camera.',
      payload_too_large: 'This photo is too large to send. Take it again with the main camera.',
      unprocessable_image: 'This photo cannot be processed. Take it again with the main camera.',
      request_timeout: 'The connection was too slow to send the photo. Try again where the signal is better.',
      attempts_exhausted: 'No more photos can be sent for this inspection. Ask for a new link.',
      storage_quota_exceeded:
        'The service cannot store more photos right now. Contact the company that sent you the link.',
      rate_limited: 'Too many tries in a short time. Wait a minute, then try again.',
      unavailable: 'The server is busy. Wait a moment, then try again.',
    } satisfies Record<CaptureErrorCode, string>,
  },
};

/** The shape every catalogue has: the English one's. */
export type CaptureText = typeof en;
