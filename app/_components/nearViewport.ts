// "The reader is about to reach this": the element comes within NEAR_VIEWPORT
// of the screen, or is focused, or a pointer touches it. Used to fetch a
// widget's code only when it is about to be used (decision record 0015).

/** About a phone screen ahead, so the code has usually arrived by the time the reader scrolls to it. */
export const NEAR_VIEWPORT = "600px 0px";

/** Calls `onNear` once, when `element` is near; returns a function that stops watching. */
export function whenNear(element: HTMLElement, onNear: () => void): () => void {
  const events = ["focusin", "pointerdown", "pointerenter"] as const;
  let done = false;
  const fire = () => {
    if (done) return;
    done = true;
    stop();
    onNear();
  };
  const observer =
    typeof IntersectionObserver === "undefined"
      ? undefined
      : new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && fire(), { rootMargin: NEAR_VIEWPORT });
  function stop() {
    observer?.disconnect();
    for (const event of events) element.removeEventListener(event, fire);
  }
  for (const event of events) element.addEventListener(event, fire, { passive: true });
  if (observer) observer.observe(element);
  else queueMicrotask(fire);
  return stop;
}
