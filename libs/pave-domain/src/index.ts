// The public API of @pave/domain: every rule of the Session Photos contract, once. See README.md.
export {
  PhotoCode,
  PhotoLabel,
  photoLabelOf,
  photoCodeOf,
  captureOrder,
  captureSteps,
  captureStepOf,
  neededCodes,
  exteriorCodes,
  manualEntryCodes,
  isExteriorCode,
  isManualEntryCode,
  isUrlNullable,
} from './lib/photo-code.js';
export type { Nullability, CaptureStep, ManualEntryCode } from './lib/photo-code.js';
export { photoNameOf } from './lib/photo-names.js';
export type { Result } from './lib/result.js';
export {
  WireTimestamp,
  formatWireTimestamp,
  parseWireTimestamp,
  formatApiTimestamp,
  parseApiTimestamp,
  checkTimestampFreshness,
  tokenFreshnessSeconds,
  tokenFutureSkewSeconds,
  secondsBetween,
} from './lib/timestamps.js';
export type { ApiTimestampError } from './lib/timestamps.js';
export { authHeaderNames, ApiToken, tokenMessage, checkAuthHeaders, authErrorMessage } from './lib/auth.js';
export type { AuthHeaderName, AuthError, AuthHeaders, CheckedAuthHeaders } from './lib/auth.js';
export {
  QaReasonCode,
  qaReasons,
  acceptedMessage,
  ApprovedMessage,
  buildApprovedMessage,
  parseApprovedMessage,
} from './lib/qa-reasons.js';
export type { ApprovedVerdict } from './lib/qa-reasons.js';
export {
  AbsoluteUrl,
  sessionPhotoShape,
  refineSessionPhoto,
  SessionPhoto,
  SessionPhotos,
} from './lib/session-photo.js';
export {
  SessionStatus,
  terminalStatuses,
  acceptingStatuses,
  expirableStatuses,
  deletableStatuses,
  inactiveStatuses,
  capturingStatuses,
  isTerminalStatus,
  isAcceptingStatus,
  isDeletableStatus,
  isSessionActive,
  inspectionMarksOf,
  capturePathPrefix,
  capturePath,
  sessionKeyAlphabet,
  sessionKeyRandomLength,
  SessionKey,
  sessionKeyPrefix,
  buildSessionKey,
  SessionTheme,
  SessionLanguage,
  defaultSessionTheme,
  defaultSessionLanguage,
  transitionStatus,
  capturedStatus,
  isSessionExpired,
} from './lib/session.js';
export type { SessionEvent, TerminalStatus, TransitionError, CaptureOutcome } from './lib/session.js';
export {
  OdometerUnit,
  SessionContact,
  referenceMaxKeys,
  referenceMaxKeyLength,
  referenceMaxValueLength,
  SessionReference,
} from './lib/session-fields.js';
export {
  maxOdometerReading,
  VehicleYear,
  OdometerReading,
  PhoneNumber,
  VehicleInput,
  SmsInput,
  SessionInput,
  CreateSessionRequest,
  UpdateSessionRequest,
} from './lib/session-request.js';
export type { CreateSessionInput, UpdateSessionInput } from './lib/session-request.js';
export {
  SessionVehicle,
  SessionSms,
  sessionShape,
  refineSession,
  Session,
  ListSessionsQuery,
  SessionList,
  ListedSession,
  ListedProgress,
  settingsOfCreate,
  toSessionVehicle,
  toSessionObject,
  givenVinEntry,
} from './lib/session-object.js';
export type { SessionSettings, LearnedVehicle, SessionFacts } from './lib/session-object.js';
export {
  updateRules,
  isUpdateAllowed,
  updateRuleText,
  updateRefusalOf,
  checkSessionUpdate,
  sessionUpdateRefusedMessage,
} from './lib/session-update.js';
export type { UpdateRule, UpdateField, SessionUpdateError } from './lib/session-update.js';
export type { ResultsNotReady } from './lib/session-results.js';
export {
  noteMaxLength,
  SessionNote,
  SessionNotes,
  AddNoteRequest,
  invalidReasonMaxLength,
  InvalidateSessionRequest,
} from './lib/session-notes.js';
export {
  captureTokenHeader,
  CaptureToken,
  buildCaptureUrl,
  parseCaptureUrl,
  captureUrlWithoutToken,
  captureUrlWithToken,
} from './lib/capture-link.js';
export type { CaptureLink } from './lib/capture-link.js';
export { Vin } from './lib/vin.js';
export { StepState, attemptStateOf, isStepDone } from './lib/step-state.js';
export { captureProgress, checkSkip } from './lib/capture-progress.js';
export type {
  AttemptProgress,
  StepProgress,
  CaptureProgress,
  CaptureProgressOptions,
  SkipError,
} from './lib/capture-progress.js';
export { QaMeasures, ProgressAttempt, StepRef, ProgressStep, SessionProgress } from './lib/progress-wire.js';
// The server's progress answers as pure functions of domain inputs (a session's key and status, its attempts as
// AttemptRecords): the api answers with them, and a test double built on them answers exactly like the api.
export { toSessionProgress } from './lib/progress-wire.js';
export type { ProgressSession, AttemptRecord } from './lib/progress-wire.js';
export {
  ManualEntryRequest,
  SkipRequest,
  checkManualEntry,
  uploadLongSide,
  uploadImageFormats,
  uploadFieldName,
  CaptureStepState,
  CaptureState,
  toCaptureState,
} from './lib/capture-wire.js';
export type { ManualEntryError, UploadImageFormat, CaptureSession } from './lib/capture-wire.js';
export {
  ApiErrorCode,
  apiErrorStatus,
  ApiErrorBody,
  DeleteSessionResponse,
  sessionNotFoundMessage,
  sessionRemovedMessage,
  sessionErasedMessage,
  sessionStartedMessage,
  invalidCursorMessage,
  sessionClosedMessage,
  confirmRefusedMessage,
  skipErrorMessage,
  sessionNotCompletedMessage,
  alreadyInvalidMessage,
} from './lib/api-error.js';
export {
  sessionCompleteEvent,
  SessionSource,
  ResultsSession,
  SessionResultsBody,
  SessionResults,
  toResultsBody,
  toSessionResults,
} from './lib/session-results.js';
export {
  CallbackEvent,
  callbackEvents,
  PhotoStatus,
  StageChangePayload,
  StatusChangePayload,
  CompletePayload,
  EventNote,
  NoteInsertPayload,
  eventPayloadSchemas,
  EventSeq,
  StageChangeEvent,
  StatusChangeEvent,
  CompleteEvent,
  NoteInsertEvent,
  WebhookEventBody,
  toEventBody,
  toStoredEvent,
  withCaptureToken,
  statusChangePayload,
  stageChangePayload,
} from './lib/session-events.js';
export type { EventPayloadOf, SessionEventPayload, CustomPayload } from './lib/session-events.js';
export { streamEndEvent, StreamEnd, StreamPosition } from './lib/live-events.js';
export type { LiveEvent } from './lib/live-events.js';
export {
  CallbackMethod,
  reservedCallbackHeaders,
  maxCustomPayloadBytes,
  JsonValue,
  CallbackHeaders,
  CallbackPayload,
  CreateCallbackRequest,
  UpdateCallbackRequest,
  Callback,
  CallbackList,
  CallbackEntry,
  CallbackSaved,
  CallbackMessage,
  missingCallbackFieldsMessage,
  callbackNotFoundMessage,
  callbackRemovedMessage,
  SigningSecretResponse,
  DeliveryState,
  DeliveryAttempt,
  Delivery,
  ListDeliveriesQuery,
  DeliveryList,
  deliveryNotFoundMessage,
} from './lib/callbacks.js';
export {
  testEventSessionKey,
  testWebhookIdPrefix,
  isTestSessionKey,
  testEventPhotoUrl,
  sampleEventPayload,
  testEventMarker,
  CallbackTestResult,
  callbackTestsPerMinute,
  callbackTestLimitMessage,
} from './lib/callback-test.js';
export type { TestEventContext } from './lib/callback-test.js';
export {
  webhookHeaderNames,
  webhookSecretPrefix,
  webhookToleranceSeconds,
  webhookSignedContent,
  parseWebhookSecret,
  formatWebhookSecret,
  formatWebhookSignature,
  parseWebhookSignature,
  checkWebhookHeaders,
  webhookVerifyMessage,
  defaultRetrySchedule,
  retryJitter,
  nextRetryDelayMs,
} from './lib/standard-webhooks.js';
export type { WebhookVerifyError, WebhookHeaders } from './lib/standard-webhooks.js';
export {
  Role,
  Permission,
  rolePermissions,
  roleCan,
  permissionFor,
  forbiddenMessage,
  csrfRefusedMessage,
  csrfHeaderName,
  sessionCookieName,
} from './lib/roles.js';
export {
  passwordMinLength,
  passwordMaxLength,
  Email,
  NewPassword,
  LoginRequest,
  loginRefusedMessage,
  User,
  SignedIn,
  AcceptInviteRequest,
  acceptInvitePath,
  inviteLifetimeSeconds,
  Done,
  LoggedOutEverywhere,
} from './lib/people.js';
export {
  UserList,
  UpdateUserRequest,
  CreateInviteRequest,
  InviteKind,
  Invite,
  InviteList,
  InviteCreated,
  ApiKey,
  ApiKeyList,
  CreateApiKeyRequest,
  ApiKeyCreated,
  AuditAction,
  AuditEntry,
  AuditLog,
} from './lib/admin.js';
export { attemptLimits, checkAttemptLimits, attemptsExhaustedMessage } from './lib/attempt-limits.js';
export type { AttemptLimits, AttemptsExhausted, AttemptCounts } from './lib/attempt-limits.js';
