// The shape of a glossary entry (content/glossary.ts). Pure data, no I/O.

export type GlossaryKind = "state" | "sysctl" | "counter" | "option" | "term";

export type GlossaryEntry = {
  /** The anchor on /glossary (`/glossary#${id}`): stable, so links never break. */
  id: string;
  /** The name as the glossary shows it. */
  term: string;
  kind: GlossaryKind;
  /**
   * How the term is written in lesson prose, matched case-sensitively and as a
   * whole word ("SYN" does not match inside "SYN-ACK"). The first form is the
   * usual one.
   */
  forms: readonly string[];
  /** Forms matched regardless of case ("keepalive", "Keepalive"). */
  formsAnyCase?: readonly string[];
  /** Other spellings a learner may search for but lessons do not use (netstat -s wording, FIN_WAIT2). */
  aliases?: readonly string[];
  /** The default on Linux 6.18, for sysctls. */
  default?: string;
  /** One to three sentences. `backticks` mark code. */
  definition: string;
  /** Where the definition comes from: RFC section, man page, Linux source. */
  source: string;
  /** Ids of related entries. */
  related?: readonly string[];
};
