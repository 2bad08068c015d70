// The glossary covers what the lessons name (every TCP state, sysctl and
// counter), each entry is well formed, and its kernel defaults say what the
// lessons say.
import { describe, expect, it } from "vitest";
import { glossary } from "@/content/glossary";
import { loadLessons } from "@/lib/content/lessons";
import { GLOSSARY_GROUPS, glossaryFingerprint, groupGlossary, usagesByTerm } from "@/lib/glossary/groups";
import { createTermMatcher } from "@/lib/glossary/match";

const lessons = await loadLessons();
const byId = new Map(glossary.map((entry) => [entry.id, entry]));
const formsOf = (kind: string) => new Set(glossary.filter((e) => e.kind === kind).flatMap((e) => e.forms));

// Kernel function and setting names that look like sysctls in the lessons but are not.
const NOT_SYSCTLS = new Set([
  "tcp_select_initial_window",
  "tcp_check_req",
  "tcp_write_timeout",
  "tcp_retransmit_timer",
  "tcp_options_write",
  "tcp_model_timeout",
  "tcp_user_timeout", // PostgreSQL's setting, which sets TCP_USER_TIMEOUT
]);

/** Sysctl-like names in a lesson: tcp_* or net.ipv4/net.core names, not followed by "(" (a function) or ".c"/".h" (a file). */
function sysctlNamesIn(text: string): string[] {
  const found = text.matchAll(/(?<![A-Za-z0-9_.])(net\.(?:ipv4|core)\.)?(tcp_[a-z0-9_]+|somaxconn|ip_local_port_range|rmem_max)(?![a-z0-9_]*(?:\(|\.c\b|\.h\b))/g);
  return [...new Set(Array.from(found, (m) => m[2]!))].filter((name) => !NOT_SYSCTLS.has(name));
}

describe("the glossary", () => {
  it("has unique ids that work as URL fragments and do not clash with the page's group anchors", () => {
    const ids = glossary.map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_-]*$/);
    for (const group of GLOSSARY_GROUPS) expect(byId.has(group.id)).toBe(false);
  });

  it("gives every way of writing a term to exactly one entry", () => {
    const forms = glossary.flatMap((e) => [...e.forms, ...(e.formsAnyCase ?? [])].map((f) => f.toLowerCase()));
    expect(forms.filter((f, i) => forms.indexOf(f) !== i)).toEqual([]);
    for (const entry of glossary) expect(entry.forms.length + (entry.formsAnyCase?.length ?? 0), entry.id).toBeGreaterThan(0);
  });

  it("defines every entry in full sentences, names its source, and relates only to entries that exist", () => {
    for (const entry of glossary) {
      expect(entry.definition, entry.id).toMatch(/^\S.{20,}[.)"]$/s);
      expect(entry.definition.split("`").length % 2, `${entry.id}: unbalanced backticks`).toBe(1);
      expect(entry.source.length, entry.id).toBeGreaterThan(5);
      for (const id of entry.related ?? []) expect(byId.has(id), `${entry.id} relates to ${id}`).toBe(true);
    }
  });

  it("lists the eleven states of RFC 9293 §3.3.2, in the order a connection meets them", () => {
    expect(glossary.filter((e) => e.kind === "state").map((e) => e.term)).toEqual([
      "LISTEN",
      "SYN-SENT",
      "SYN-RECEIVED",
      "ESTABLISHED",
      "FIN-WAIT-1",
      "FIN-WAIT-2",
      "CLOSE-WAIT",
      "CLOSING",
      "LAST-ACK",
      "TIME-WAIT",
      "CLOSED",
    ]);
  });

  it("knows the sysctl-like names it must ignore (each is still in a lesson, so the list stays honest)", () => {
    const all = lessons.map((l) => l.source).join("\n");
    for (const name of NOT_SYSCTLS) expect(all, name).toContain(name);
  });

  for (const lesson of lessons) {
    it(`has an entry for every sysctl, counter and state the lesson ${lesson.slug} names`, () => {
      const sysctls = formsOf("sysctl");
      expect(sysctlNamesIn(lesson.source).filter((name) => !sysctls.has(name))).toEqual([]);
      const counters = formsOf("counter");
      const named = [...new Set(Array.from(lesson.source.matchAll(/\bTcp(?:Ext)?[A-Z][A-Za-z0-9]+\b/g), (m) => m[0]))];
      expect(named.filter((name) => !counters.has(name))).toEqual([]);
      const states = formsOf("state");
      const stateNames = [...new Set(Array.from(lesson.source.matchAll(/\b(?:SYN|FIN|CLOSE|LAST|TIME)[-_][A-Z](?:[A-Z0-9_-]*[A-Z0-9])?\b|\b(?:LISTEN|ESTABLISHED|CLOSING|CLOSED)\b/g), (m) => m[0]))];
      expect(stateNames.filter((name) => !states.has(name) && !["SYN-ACK", "FIN-WAIT"].includes(name))).toEqual([]);
    });
  }

  // The defaults both the glossary and a lesson state, as the lesson words them.
  const DEFAULTS: [string, string][] = [
    ["tcp_fin_timeout", "60"],
    ["tcp_syn_retries", "6"],
    ["tcp_synack_retries", "5"],
    ["tcp_syn_linear_timeouts", "4"],
    ["tcp_keepalive_time", "7200"],
    ["tcp_keepalive_intvl", "75"],
    ["tcp_keepalive_probes", "9"],
    ["tcp_tw_reuse", "2"],
    ["tcp_tw_reuse_delay", "1000"],
    ["tcp_retries2", "15"],
    ["somaxconn", "4096"],
    ["tcp_syncookies", "1"],
    ["tcp_abort_on_overflow", "0"],
    ["tcp_rfc1337", "0"],
    ["tcp_timestamps", "1"],
    ["tcp_ecn", "2"],
  ];
  it("states the same Linux defaults as the lessons", () => {
    const text = lessons.map((l) => l.source).join("\n");
    for (const [name, value] of DEFAULTS) {
      expect(byId.get(name)?.default, name).toMatch(new RegExp(`^${value}\\b`));
      // "name ... default 60", "name` (default **6**", "name = 7200", "name defaults to 4096", "default `name = 1`"
      const lesson = new RegExp(
        `${name}\`?\\**[^.\\n]{0,80}?default[^.\\n]{0,12}?\\b${value}\\b|${name}\`?\\s*=\\s*${value}\\b|default[^.\\n]{0,6}\`${name}\\s*=\\s*${value}\``,
        "i",
      );
      expect(lesson.test(text), `a lesson states ${name}'s default ${value}`).toBe(true);
    }
  });

  it("groups entries by kind, states in RFC order and the rest alphabetically", () => {
    const groups = groupGlossary(glossary);
    expect(groups.map((g) => g.kind)).toEqual(["state", "sysctl", "counter", "option", "term"]);
    expect(groups.flatMap((g) => g.entries).length).toBe(glossary.length);
    const sysctls = groups[1]!.entries.map((e) => e.term);
    expect(sysctls).toEqual([...sysctls].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
  });

  it("points each lesson's back-link at the section of the term's first use", () => {
    const usages = usagesByTerm([
      { slug: "b", order: 2, title: "B", uses: [{ id: "time-wait", section: { id: "the-knobs", title: "The knobs" } }] },
      { slug: "a", order: 1, title: "A", uses: [{ id: "time-wait" }] },
    ]);
    expect(usages.get("time-wait")).toEqual([
      { slug: "a", order: 1, title: "A", href: "/lessons/a" },
      { slug: "b", order: 2, title: "B", href: "/lessons/b#the-knobs", section: "The knobs" },
    ]);
  });

  it("changes its fingerprint (part of the lesson cache key) when a term's forms change", () => {
    const changed = glossary.map((e) => (e.id === "time-wait" ? { ...e, forms: [...e.forms, "TIMEWAIT"] } : e));
    expect(glossaryFingerprint(changed)).not.toBe(glossaryFingerprint(glossary));
    expect(glossaryFingerprint([...glossary])).toBe(glossaryFingerprint(glossary));
  });

  it("matches terms as whole words, longest name first", () => {
    const matcher = createTermMatcher(glossary);
    const ids = (text: string) => matcher.find(text).map((m) => m.id);
    expect(ids("SYN-ACK, SYN cookies, a SYN, FIN-WAIT-2, FIN.")).toEqual(["syn-ack", "syn-cookie", "syn", "fin-wait-2", "fin"]);
    expect(ids("net.ipv4.tcp_tw_reuse and tcp_tw_reuse_delay, not sysctl_tcp_rfc1337")).toEqual(["tcp_tw_reuse", "tcp_tw_reuse_delay"]);
    expect(ids("Keepalive, TCP keepalive, HTTP keep-alive, keepalive_timeout")).toEqual(["keepalive", "keepalive", "http-keep-alive"]);
    expect(matcher.codeTerm("tcp_fin_timeout=5")).toBe("tcp_fin_timeout");
    expect(matcher.codeTerm("ss -tan state time-wait")).toBeUndefined();
  });
});
