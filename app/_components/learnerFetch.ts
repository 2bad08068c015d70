"use client";
// Every call the pages make to the API goes through learnerFetch: it first
// awaits one POST /api/learner per page load, which gives a new visitor their
// signed guest id, so the page's parallel first calls (each exercise loading
// its variant) all carry that one id. Pages themselves set no cookie and stay
// identical for every visitor (decision record 0012).

let ready: Promise<void> | undefined;

/** Resolves once this browser has its guest cookie (one request, shared by every caller). */
export function learnerReady(): Promise<void> {
  ready ??= fetch("/api/learner", { method: "POST", headers: { "Content-Type": "application/json" }, cache: "no-store" }).then(
    async (response) => {
      // Read the (tiny) body: a response left unread stays an unfinished load in the browser.
      await response.text().catch(() => undefined);
      if (!response.ok) ready = undefined; // try again with the next call
    },
    () => {
      ready = undefined; // offline: the call itself will fail and say so
    },
  );
  return ready;
}

/** After signing out the cookie is gone: the next call establishes a new guest. */
export function forgetLearner(): void {
  ready = undefined;
}

export async function learnerFetch(input: string, init?: RequestInit): Promise<Response> {
  await learnerReady();
  return fetch(input, init);
}
