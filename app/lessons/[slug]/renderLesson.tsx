import { getMDXComponent } from "mdx-bundler/client";
import { lessonComponents } from "./lessonComponents";

// getMDXComponent evaluates the bundle; do it once per compiled lesson, not per render.
const componentCache = new Map<string, ReturnType<typeof getMDXComponent>>();

export function renderLesson(code: string) {
  let Component = componentCache.get(code);
  if (!Component) {
    Component = getMDXComponent(code);
    componentCache.set(code, Component);
  }
  return <Component components={lessonComponents} />;
}
