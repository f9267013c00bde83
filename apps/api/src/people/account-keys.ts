import type { AccountStore } from '../storage/repository.js';
import type { ApiKeyStore } from '../storage/people-repository.js';

/**
 * An account store whose `findByApiKey` also knows the extra keys admins make (`api_keys`): such a key answers its
 * account with the key and its secret in place of the account's first ones, so HMAC checks need no change.
 */
export function withExtraApiKeys(accounts: AccountStore, apiKeys: ApiKeyStore): AccountStore {
  return {
    ...accounts,
    async findByApiKey(apiKey) {
      const own = await accounts.findByApiKey(apiKey);
      if (own) return own;
      const extra = await apiKeys.findActive(apiKey);
      if (!extra) return null;
      const account = await accounts.findById(extra.accountId);
      // the account's previous secret belongs to its first key, not to this one
      return (
        account && {
          ...account,
          apiKey: extra.apiKey,
          apiSecret: extra.apiSecret,
          previousApiSecret: null,
          previousSecretExpiresAt: null,
          revokedAt: null,
        }
      );
    },
  };
}
