// The one typed map of components a lesson's MDX may use. A lesson that uses a
// name not listed here fails to render at build time, not in a reader's browser.
import type { ComponentType } from "react";
import { Callout } from "@/app/_components/Callout";
import { Exercise } from "@/app/_components/Exercise";
import { HeaderExplorer } from "@/lib/widgets/HeaderExplorer";
import { SequenceSimulator } from "@/lib/widgets/SequenceSimulator";
import { SynFloodLab } from "@/lib/widgets/SynFloodLab";
import { TimeWaitLoad } from "@/lib/widgets/TimeWaitLoad";
import { CloseWaitDebugger } from "@/lib/widgets/CloseWaitDebugger";
import { PeerVanishes } from "@/lib/widgets/PeerVanishes";
import { CaptureDownload } from "@/lib/widgets/CaptureDownload";

export const lessonComponents = {
  Callout,
  Exercise,
  CaptureDownload,
  HeaderExplorer,
  SequenceSimulator,
  SynFloodLab,
  TimeWaitLoad,
  CloseWaitDebugger,
  PeerVanishes,
} satisfies Record<string, ComponentType<never>>;

export type LessonComponentName = keyof typeof lessonComponents;
