"use client";
// Tells the server this learner opened the lesson (the page itself is static).
import { useEffect } from "react";
import { learnerFetch } from "@/app/_components/learnerFetch";

export function LessonVisit({ lessonId }: { lessonId: string }) {
  useEffect(() => {
    void learnerFetch("/api/progress/visits", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ lessonId }),
      keepalive: true,
    }).catch(() => undefined); // progress is a convenience; reading must never fail because of it
  }, [lessonId]);
  return null;
}
