import { describeRepositorySpec } from '../testing/describe-repository-spec.js';
import {
  createPostgresTestStorage,
  describeOrSkip,
  postgresSkipReason,
  requireTestDatabaseUrl,
} from '../testing/test-storage.js';

describeOrSkip(postgresSkipReason, 'PostgreSQL', () => {
  describeRepositorySpec('PostgreSQL', () => createPostgresTestStorage(requireTestDatabaseUrl()));
});
