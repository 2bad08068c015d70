// Prints the interview question bank as JSON, for the e2e spec (run with
// node --conditions=react-server --import tsx: the bank is server-only).
import { interviewQuestions } from "@/content/interview";

process.stdout.write(JSON.stringify(interviewQuestions));
