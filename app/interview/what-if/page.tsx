// /interview/what-if: the counterfactual sandbox. One section per switch
// (ids two-way-handshake, no-time-wait, isn-zero, no-syn-cookies: interview
// questions link to /interview/what-if#<id>). The runs are deterministic, so
// they are computed here, once, at build time; the widget only switches.
import type { Metadata } from "next";
import Link from "next/link";
import { whatIfSections } from "@/lib/labs/what-if/model";
import { WhatIf } from "@/lib/widgets/WhatIf";

export const metadata: Metadata = {
  title: "What if TCP were designed differently?",
  description: "Switch off a piece of TCP's design and watch, on the same simulator, the failure it exists to prevent.",
};

export default function WhatIfPage() {
  const sections = whatIfSections();
  return (
    <div>
      <p className="text-sm">
        <Link href="/interview" className="text-blue-700 underline dark:text-blue-300">
          Interview preparation
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">What if TCP were designed differently?</h1>
      <p className="mt-2 max-w-3xl text-slate-700 dark:text-slate-300">
        Interviewers like to ask why TCP does something the way it does. Here you can switch a piece of the design off and watch, on the same
        simulator that reproduces real Linux captures, the failure it exists to prevent. Each switch runs the same scenario twice: real TCP on the
        left (or on top, on a narrow screen), the altered TCP beside it, with the segment where things go wrong highlighted and explained.
      </p>
      <nav aria-label="Counterfactuals" className="mt-4">
        <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
          {sections.map((s) => (
            <li key={s.meta.id}>
              <a href={`#${s.meta.id}`} className="text-blue-700 underline dark:text-blue-300">
                {s.meta.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {sections.map((s) => (
        <section key={s.meta.id} id={s.meta.id} aria-labelledby={`${s.meta.id}-title`} className="mt-12 scroll-mt-6 border-t border-slate-200 pt-8 dark:border-slate-800">
          <h2 id={`${s.meta.id}-title`} className="text-2xl font-bold tracking-tight">
            {s.meta.title}
          </h2>
          <p className="mt-1 text-sm text-slate-700 italic dark:text-slate-300">The interview question: {s.meta.question}</p>
          <WhatIf section={s} />
        </section>
      ))}
    </div>
  );
}
