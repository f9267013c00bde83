import { createSqliteTestStorage } from '../testing/test-storage.js';
import { describeRepositorySpec } from '../testing/describe-repository-spec.js';

describeRepositorySpec('SQLite', () => Promise.resolve(createSqliteTestStorage()));
