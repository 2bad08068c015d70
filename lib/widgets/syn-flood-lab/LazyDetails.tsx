// A <details> whose content is rendered only once it has been opened (and kept
// afterwards): the lab's chart tables and cookie panel cost render time on
// every re-simulation, which a learner who never opens them should not pay.
import { useState, type ReactNode } from "react";

export function LazyDetails({ summary, className = "", children }: { summary: ReactNode; className?: string; children: () => ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details className={className} onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary className="cursor-pointer font-semibold">{summary}</summary>
      {opened ? children() : null}
    </details>
  );
}
