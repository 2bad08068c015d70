// The one typed map of components a lesson's MDX may use. A lesson that uses a
// name not listed here fails to render at build time, not in a reader's browser.
//
// The widgets are not imported here: a client component imported by the page
// puts its code in every lesson's first load, whether that lesson uses it or
// not. Each goes through LazyWidget, which server-renders it and fetches its
// code only when the reader nears it (decision record 0015).
import type { ComponentType } from "react";
import { Callout } from "@/app/_components/Callout";
import { Exercise } from "@/app/_components/Exercise";
import { findExercise } from "@/lib/exercises/catalog";
import { CaptureDownload } from "@/lib/widgets/CaptureDownload";
import { LazyWidget, type WidgetName, type WidgetProps } from "./LazyWidget";

/**
 * Room kept for each widget while it loads after a move from another page (a
 * reload shows the server-rendered widget itself): about its height on a phone.
 */
const LOADING_HEIGHT: Record<WidgetName, string> = {
  HeaderExplorer: "56rem",
  SequenceSimulator: "40rem",
  SynFloodLab: "60rem",
  TimeWaitLoad: "48rem",
  CloseWaitDebugger: "56rem",
  PeerVanishes: "48rem",
};

function lazy<N extends WidgetName>(name: N) {
  function Widget(props: WidgetProps[N]) {
    return <LazyWidget name={name} props={props} minHeight={LOADING_HEIGHT[name]} />;
  }
  Widget.displayName = `Lazy(${name})`;
  return Widget;
}

/** An exercise with its title from the catalog, so it is named before its variant arrives. */
function LessonExercise({ id }: { id: string }) {
  return <Exercise id={id} title={findExercise(id)?.title} />;
}

export const lessonComponents = {
  Callout,
  Exercise: LessonExercise,
  CaptureDownload,
  HeaderExplorer: lazy("HeaderExplorer"),
  SequenceSimulator: lazy("SequenceSimulator"),
  SynFloodLab: lazy("SynFloodLab"),
  TimeWaitLoad: lazy("TimeWaitLoad"),
  CloseWaitDebugger: lazy("CloseWaitDebugger"),
  PeerVanishes: lazy("PeerVanishes"),
} satisfies Record<string, ComponentType<never>>;

export type LessonComponentName = keyof typeof lessonComponents;
