"use client";
// Copy a widget's link or event log, and say what happened in words a screen
// reader announces (render `status` in a role="status" element).
import { useCallback, useState } from "react";

export function useCopyToClipboard() {
  const [status, setStatus] = useState("");
  const copy = useCallback(async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(`${what} copied.`);
    } catch {
      setStatus(`Could not copy the ${what.toLowerCase()}: select it and copy it yourself.`);
    }
  }, []);
  return { status, copy };
}
