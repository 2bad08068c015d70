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
    const regions = Array.from(lesson.querySelectorAll<HTMLElement>("[data-scroll-region]"));
    return watchScrollRegions(regions, (element) => (element.dataset.scrollRegion === "table" ? "table" : "code"));
  }, []);
  return <span ref={marker} hidden />;
}
