import type { Metadata } from "next";
import { SearchClient } from "./SearchClient";

export const metadata: Metadata = {
  title: "Search",
  description: "Search the lessons and the glossary: states such as CLOSE_WAIT, sysctls such as tcp_tw_reuse, counters and every word of the course.",
};

// Static: the query lives in the URL (?q=) and is read in the browser, where the index is searched.
export const dynamic = "force-static";

export default function SearchPage() {
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Search</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        Find the lesson sections and glossary entries that explain a state, a sysctl, a counter or anything else the course covers.
      </p>
      <SearchClient />
    </>
  );
}
