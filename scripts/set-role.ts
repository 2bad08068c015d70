// `npm run user:role -- <email> <learner|instructor>`: promote or demote an account.
import { setRole } from "@/lib/db/accounts";

const [email, role] = process.argv.slice(2);
if (!email || (role !== "learner" && role !== "instructor")) {
  console.error("usage: npm run user:role -- <email> <learner|instructor>");
  process.exit(2);
}
if (await setRole(email.toLowerCase(), role)) console.log(`${email} is now ${role === "instructor" ? "an instructor" : "a learner"}.`);
else {
  console.error(`user:role: no account with the email ${email}`);
  process.exit(1);
}
