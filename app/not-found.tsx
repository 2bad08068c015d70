import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found", description: "There is no such page in the TCP course." };

export default function NotFound() {
  return (
    <div>
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-2">
        There is no such page. The <Link href="/lessons" className="text-blue-700 underline dark:text-blue-300">lessons</Link> are a good place to start.
      </p>
    </div>
  );
}
