// The search index, built once at build time and served as a static file. Only
// the search page fetches it, so no other page pays for it.
import { glossary } from "@/content/glossary";
import { loadLessons } from "@/lib/content/lessons";
import { analyseLesson } from "@/lib/search/analyseLesson";
import { courseDocuments } from "@/lib/search/documents";
import { createSearchIndex } from "@/lib/search/engine";

export const dynamic = "force-static";

export async function GET() {
  const index = createSearchIndex(courseDocuments(await loadLessons(), glossary, analyseLesson));
  return new Response(JSON.stringify(index), { headers: { "content-type": "application/json; charset=utf-8" } });
}
