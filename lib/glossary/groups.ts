// The glossary page's shape: entries grouped by kind, and for each entry the
// lessons that use it (where each links it first). Pure.
import type { GlossaryUse } from "@/lib/mdx/glossaryLinks";
import type { GlossaryEntry, GlossaryKind } from "./types";

export const GLOSSARY_GROUPS: readonly { kind: GlossaryKind; id: string; title: string; intro: string }[] = [
  { kind: "state", id: "states", title: "TCP states", intro: "The eleven states of RFC 9293 §3.3.2, in the order a connection meets them. netstat writes them with underscores (CLOSE_WAIT), ss with dashes." },
  { kind: "sysctl", id: "sysctls", title: "Sysctls", intro: "Kernel settings under /proc/sys/net (read them with sysctl net.ipv4.<name>), with their Linux 6.18 defaults." },
  { kind: "counter", id: "counters", title: "Counters", intro: "Kernel counters as nstat -az names them; netstat -s prints the same counters in words." },
  { kind: "option", id: "socket-options", title: "Socket options", intro: "Options an application sets on one socket with setsockopt()." },
  { kind: "term", id: "terms", title: "Terms", intro: "The words the lessons define." },
];

export type GlossaryGroup = (typeof GLOSSARY_GROUPS)[number] & { entries: GlossaryEntry[] };

/** Entries by group; states keep their RFC order, the rest are alphabetical. */
export function groupGlossary(entries: readonly GlossaryEntry[]): GlossaryGroup[] {
  return GLOSSARY_GROUPS.map((group) => {
    const members = entries.filter((entry) => entry.kind === group.kind);
    if (group.kind !== "state") members.sort((a, b) => a.term.localeCompare(b.term, "en", { sensitivity: "base" }));
    return { ...group, entries: members };
  });
}

export type LessonUses = { slug: string; order: number; title: string; uses: readonly GlossaryUse[] };

export type TermUsage = { slug: string; order: number; title: string; href: string; section?: string };

/** For each term, the lessons that use it, in course order, each pointing at the section of its first use. */
export function usagesByTerm(lessons: readonly LessonUses[]): Map<string, TermUsage[]> {
  const byTerm = new Map<string, TermUsage[]>();
  for (const lesson of [...lessons].sort((a, b) => a.order - b.order)) {
    for (const use of lesson.uses) {
      const usage: TermUsage = {
        slug: lesson.slug,
        order: lesson.order,
        title: lesson.title,
        href: use.section ? `/lessons/${lesson.slug}#${use.section.id}` : `/lessons/${lesson.slug}`,
        ...(use.section ? { section: use.section.title } : {}),
      };
      byTerm.set(use.id, [...(byTerm.get(use.id) ?? []), usage]);
    }
  }
  return byTerm;
}

/**
 * A short fingerprint of what decides the links (ids and forms): part of the
 * compiled-lesson cache key, so a lesson recompiles when the glossary changes.
 */
export function glossaryFingerprint(entries: readonly GlossaryEntry[]): string {
  const text = JSON.stringify(entries.map((e) => [e.id, e.forms, e.formsAnyCase ?? []]));
  let hash = 0x811c9dc5; // FNV-1a, 32 bits
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
