import { describeRepositorySpec } from '../testing/describe-repository-spec.js';
import {
  createPostgresTestStorage,
  describeOrSkip,
  postgresSkipReason,
  requireTestDatabaseUrl,
  type TestStorage,
} from '../testing/test-storage.js';
import type { Repository } from './repository.js';

describeOrSkip(postgresSkipReason, 'PostgreSQL', () => {
  describeRepositorySpec('PostgreSQL', () => createPostgresTestStorage(requireTestDatabaseUrl()));

  describe('migrations', () => {
    const storages: TestStorage[] = [];
    const repos: Repository[] = [];
    const open = async (storage: TestStorage) => {
      const repo = await storage.open();
      repos.push(repo);
      return repo;
    };
    const newStorage = async () => {
      const storage = await createPostgresTestStorage(requireTestDatabaseUrl());
      storages.push(storage);
      return storage;
    };

    afterEach(async () => {
      await Promise.all(repos.splice(0).map((repo) => repo.close()));
      await Promise.all(storages.splice(0).map((storage) => storage.destroy()));
    });

    it('migrates a schema while another schema of the same database has its own migration tables', async () => {
      await open(await newStorage());

      const second = await open(await newStorage());

      await expect(second.ping()).resolves.toBeUndefined();
    });

    it('lets several instances migrate one fresh schema at once', async () => {
      const storage = await newStorage();

      const opened = await Promise.all([open(storage), open(storage), open(storage)]);

      await Promise.all(opened.map((repo) => expect(repo.ping()).resolves.toBeUndefined()));
    });
  });
});
