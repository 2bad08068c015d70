import type { ComponentProps } from "react";
import { getMDXComponent } from "mdx-bundler/client";
import { lessonComponents } from "./lessonComponents";
import { ScrollRegions } from "./ScrollRegions";

// getMDXComponent evaluates the bundle; do it once per compiled lesson, not per render.
const componentCache = new Map<string, ReturnType<typeof getMDXComponent>>();

// Code blocks and tables scroll sideways when wider than the screen. Shiki makes
// every <pre> focusable; ScrollRegions instead makes a block focusable, and names
// it, only when it actually overflows. A table scrolls inside a wrapper, so it
// keeps its table semantics (a display:block table loses them in some screen readers).
const proseElements = {
  pre: ({ tabIndex, ...props }: ComponentProps<"pre">) => <pre {...props} data-scroll-region="code" />,
  table: (props: ComponentProps<"table">) => (
    <div className="table-scroll" data-scroll-region="table">
      <table {...props} />
    </div>
  ),
};

const components = { ...lessonComponents, ...proseElements };

export function renderLesson(code: string) {
  let Component = componentCache.get(code);
  if (!Component) {
    Component = getMDXComponent(code);
    componentCache.set(code, Component);
  }
  return (
    <>
      <Component components={components} />
      <ScrollRegions />
    </>
  );
}
