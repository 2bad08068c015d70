// A link to a lesson from a page that is not a lesson (home, lessons index,
// dashboard). Not prefetched: prefetching a lesson makes the router download the
// client code its RSC payload references, the widgets and recharts (about
// 650 KB), on pages that use none of it. The lesson loads when it is opened.
// tests/e2e/widget-scripts.spec.ts checks those pages load no widget code.
import Link from "next/link";
import type { ComponentProps } from "react";

export function LessonLink({ slug, ...props }: Omit<ComponentProps<typeof Link>, "href" | "prefetch"> & { slug: string }) {
  return <Link href={`/lessons/${slug}`} prefetch={false} {...props} />;
}
