import { describeRepositorySpec } from '../testing/describe-repository-spec.js';
import { createPostgresTestStorage, testDatabaseUrl } from '../testing/test-storage.js';

if (testDatabaseUrl) {
  const url = testDatabaseUrl;
  describeRepositorySpec('PostgreSQL', () => createPostgresTestStorage(url));
} else {
  describe('Repository on PostgreSQL', () => {
    it.skip('needs PAVE_TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)', () => undefined);
  });
}
