// The key that signs guest ids. Every app process must use the same one, so
// it comes from LEARNER_ID_SECRET or, when that is unset, from the database,
// where the first process to start generates it (decision record 0012).
import "server-only";
import { databaseKey } from "@/lib/db/location.mjs";
import { sharedSecret } from "@/lib/db/secrets";

const MIN_ENV_SECRET_LENGTH = 32;
// One read per process and database (tests give each worker its own database).
const cache = new Map<string, Promise<string>>();

export function learnerIdSecret(env: Record<string, string | undefined> = process.env): Promise<string> {
  const configured = env.LEARNER_ID_SECRET?.trim();
  if (configured) {
    if (configured.length < MIN_ENV_SECRET_LENGTH) {
      return Promise.reject(new Error(`LEARNER_ID_SECRET must be at least ${MIN_ENV_SECRET_LENGTH} characters (e.g. openssl rand -base64 32).`));
    }
    return Promise.resolve(configured);
  }
  const key = databaseKey();
  let secret = cache.get(key);
  if (!secret) {
    secret = sharedSecret("learner-id");
    secret.catch(() => cache.delete(key));
    cache.set(key, secret);
  }
  return secret;
}
