"use client";
// A lesson's widget as an island that loads its code only when the reader
// comes near it (decision record 0015). The page is still generated with the
// widget rendered in full, so the reader sees it, at its final size, before
// any of its code arrives: nothing shifts. In the browser the widget's
// Suspense boundary stays as that server HTML until the widget is within
// about a screen of the viewport, or is focused or touched, and only then is its
// chunk fetched and the boundary hydrated, so a lesson's first load carries
// none of its widgets' code and the page's load does not pay for hydrating
// widgets the reader has not reached.
//
// Nothing here may re-render before the widget has hydrated: an update to a
// boundary that is still server HTML makes React throw that HTML away and
// show the fallback. So the state lives in refs and data attributes.
import { Suspense, use, useEffect, useRef, useState, type ComponentProps, type ComponentType } from "react";
import { whenNear } from "@/app/_components/nearViewport";
import type { CloseWaitDebugger } from "@/lib/widgets/CloseWaitDebugger";
import type { HeaderExplorer } from "@/lib/widgets/HeaderExplorer";
import type { PeerVanishes } from "@/lib/widgets/PeerVanishes";
import type { SequenceSimulator } from "@/lib/widgets/SequenceSimulator";
import type { SynFloodLab } from "@/lib/widgets/SynFloodLab";
import type { TimeWaitLoad } from "@/lib/widgets/TimeWaitLoad";

/** Each widget's code, fetched on demand: one chunk per widget, never part of the page's first load. */
const LOADERS = {
  HeaderExplorer: () => import("@/lib/widgets/HeaderExplorer").then((m) => m.HeaderExplorer),
  SequenceSimulator: () => import("@/lib/widgets/SequenceSimulator").then((m) => m.SequenceSimulator),
  SynFloodLab: () => import("@/lib/widgets/SynFloodLab").then((m) => m.SynFloodLab),
  TimeWaitLoad: () => import("@/lib/widgets/TimeWaitLoad").then((m) => m.TimeWaitLoad),
  CloseWaitDebugger: () => import("@/lib/widgets/CloseWaitDebugger").then((m) => m.CloseWaitDebugger),
  PeerVanishes: () => import("@/lib/widgets/PeerVanishes").then((m) => m.PeerVanishes),
};

export type WidgetName = keyof typeof LOADERS;
export type WidgetProps = {
  HeaderExplorer: ComponentProps<typeof HeaderExplorer>;
  SequenceSimulator: ComponentProps<typeof SequenceSimulator>;
  SynFloodLab: ComponentProps<typeof SynFloodLab>;
  TimeWaitLoad: ComponentProps<typeof TimeWaitLoad>;
  CloseWaitDebugger: ComponentProps<typeof CloseWaitDebugger>;
  PeerVanishes: ComponentProps<typeof PeerVanishes>;
};

/** What the reader is told while a widget loads (only seen after moving here from another page). */
const LABELS: Record<WidgetName, string> = {
  HeaderExplorer: "TCP header explorer",
  SequenceSimulator: "sequence diagram simulator",
  SynFloodLab: "SYN flood lab",
  TimeWaitLoad: "TIME-WAIT load simulator",
  CloseWaitDebugger: "CLOSE-WAIT debugger",
  PeerVanishes: "peer-vanishes simulator",
};

type AnyWidget = ComponentType<any>;
const loaded = new Map<WidgetName, Promise<AnyWidget>>();
function loadWidget(name: WidgetName): Promise<AnyWidget> {
  let pending = loaded.get(name);
  if (!pending) {
    pending = LOADERS[name]();
    loaded.set(name, pending);
    pending.catch(() => loaded.delete(name));
  }
  return pending;
}

type Gate = { promise: Promise<AnyWidget>; open: () => void };
function createGate(name: WidgetName): Gate {
  let open!: () => void;
  const wanted = new Promise<void>((resolve) => (open = resolve));
  return { promise: wanted.then(() => loadWidget(name)), open };
}

function Island({ gate, props, onReady }: { gate: Gate; props: WidgetProps[WidgetName]; onReady: () => void }) {
  const Widget = use(gate.promise);
  useEffect(onReady, [onReady]);
  return <Widget {...(props ?? {})} />;
}

export function LazyWidget<N extends WidgetName>({ name, props, minHeight }: { name: N; props: WidgetProps[N]; minHeight: string }) {
  const slot = useRef<HTMLDivElement>(null);
  // Created once and never replaced (see the note at the top): on the server the gate is open from the start.
  const [gate] = useState(() => {
    const created = createGate(name);
    if (typeof window === "undefined") created.open();
    return created;
  });
  const [onReady] = useState(() => () => {
    if (slot.current) slot.current.dataset.island = "ready";
  });

  useEffect(() => {
    const element = slot.current;
    if (!element) return;
    // A reader who tabs or taps into the server-rendered widget gets it at once, too.
    return whenNear(element, () => {
      if (element.dataset.island === "waiting") element.dataset.island = "loading";
      gate.open();
    });
  }, [gate]);

  return (
    <div ref={slot} data-island="waiting" data-island-widget={name}>
      <Suspense
        fallback={
          <div
            className="my-6 flex items-center justify-center rounded-lg border border-dashed border-slate-300 p-4 text-slate-700 dark:border-slate-700 dark:text-slate-300"
            style={{ minHeight }}
          >
            <p>Loading the {LABELS[name]}…</p>
          </div>
        }
      >
        <Island gate={gate} props={props} onReady={onReady} />
      </Suspense>
    </div>
  );
}
