// The key that signs guest ids is shared by every process using the database.
import { describe, expect, it } from "vitest";
import { useFreshDatabase } from "../support/testDatabase";

useFreshDatabase();
const { sharedSecret } = await import("@/lib/db/secrets");
const { learnerIdSecret } = await import("@/lib/learner/secret");

describe("the guest-id signing secret", () => {
  it("is generated once and read back by every caller, even when several start at the same moment", async () => {
    const secrets = await Promise.all(Array.from({ length: 8 }, () => sharedSecret("race-test")));
    expect(new Set(secrets).size).toBe(1);
    expect(secrets[0]).toMatch(/^[\w-]{43}$/);
    expect(await sharedSecret("race-test")).toBe(secrets[0]);
    expect(await learnerIdSecret({})).toBe(await sharedSecret("learner-id"));
  });

  it("comes from LEARNER_ID_SECRET when set, which must be long enough", async () => {
    const configured = "k".repeat(40);
    expect(await learnerIdSecret({ LEARNER_ID_SECRET: configured })).toBe(configured);
    await expect(learnerIdSecret({ LEARNER_ID_SECRET: "short" })).rejects.toThrow(/at least 32 characters/);
  });
});
