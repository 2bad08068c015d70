"use client";
// Makes the lesson's wide code blocks and tables keyboard-scrollable, named
// regions while they overflow (app/_components/scrollRegion.ts).
import { useEffect, useRef } from "react";
import { watchScrollRegions } from "@/app/_components/scrollRegion";

/** Renders nothing visible; watches the scrollable blocks (data-scroll-region) of the lesson it is placed in. */
export function ScrollRegions() {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const lesson = marker.current?.parentElement;
    if (!lesson) return;
    // A widget names and hints its own scroll regions; only the lesson's prose blocks are ours.
    const regions = Array.from(lesson.querySelectorAll<HTMLElement>("[data-scroll-region]")).filter((element) => !element.closest("[data-widget]"));
    return watchScrollRegions(regions, (element) => (element.dataset.scrollRegion === "table" ? "table" : "code"));
  }, []);
  return <span ref={marker} hidden />;
}
