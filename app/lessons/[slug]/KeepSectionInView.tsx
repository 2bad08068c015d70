"use client";
// Opening a shared link to a section (/lessons/x#section): exercises and widgets
// above it finish loading after the browser has scrolled there and push it away.
// For the first seconds, while the reader has not scrolled themselves, bring the
// section back each time the lesson's height changes.
import { useEffect } from "react";

const SETTLE_MS = 4000;

export function KeepSectionInView() {
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1).split("=")[0] ?? "");
    const target = id ? document.getElementById(id) : null;
    const lesson = document.querySelector("[data-lesson-content]");
    if (!target || !lesson) return;
    let done = false;
    const stop = () => {
      done = true;
      observer.disconnect();
    };
    const observer = new ResizeObserver(() => {
      if (!done) target.scrollIntoView({ block: "start" });
    });
    observer.observe(lesson);
    const events = ["wheel", "touchstart", "keydown", "mousedown"] as const;
    for (const event of events) window.addEventListener(event, stop, { once: true, passive: true });
    const timer = window.setTimeout(stop, SETTLE_MS);
    return () => {
      stop();
      window.clearTimeout(timer);
      for (const event of events) window.removeEventListener(event, stop);
    };
  }, []);
  return null;
}
