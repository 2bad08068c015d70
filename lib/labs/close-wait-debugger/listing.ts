/**
 * The server the learner debugs: a short C listing with one leaking path, and
 * what to tell a learner who points at each line.
 */

export interface ListingLine {
  n: number;
  code: string;
}

const SOURCE = `#include "server.h"

void handle(int fd) {
    char req[4096];
    ssize_t n = recv(fd, req, sizeof req, 0);
    if (n <= 0) {
        log_info("client closed before sending a request");
        return;
    }
    struct reply r = route(req, (size_t)n);
    send(fd, r.body, r.len, 0);
    close(fd);
}

int main(void) {
    int lfd = listen_tcp(8080, 128);
    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0)
            continue;
        handle(fd);
    }
}`;

export const LISTING: ListingLine[] = SOURCE.split("\n").map((code, i) => ({ n: i + 1, code }));

/** The early return that leaves handle() without closing fd. */
export const LEAK_LINE = 8;

/** The fixed branch, shown once the fix is deployed. */
export const FIXED_BRANCH = `    if (n <= 0) {
        log_info("client closed before sending a request");
        close(fd);          /* the fix: every path closes fd exactly once */
        return;
    }`;

const HINTS: Record<number, string> = {
  5: "recv() returning 0 is how the kernel reports the peer's FIN: end of file. That is normal; look at what the code does next on that path.",
  6: "Right branch: this is the path a client takes when it closes without sending. Which statement leaves it without releasing fd?",
  7: "Logging is harmless. Which statement on this path leaves handle() while fd is still open?",
  11: "If the peer has gone, send() may fail, but the next line still closes fd. The leak is on a path that never reaches any close().",
  12: "This close() is the happy path: it runs after every request that had data. Which path leaves handle() without reaching it?",
  16: "The listening socket is opened once and kept for the life of the process; it is not what piles up.",
  18: "accept() hands the process one new descriptor per connection. Each must be closed exactly once, on every path through handle().",
  21: "handle() owns fd from here on. Look inside handle() for a path that returns without closing it.",
};

/** Why LEAK_LINE leaks: shown only after a right guess or a deliberate give-up. */
const LEAK_WHY = "this return leaves handle() with fd still open. The socket stays in CLOSE-WAIT until the process closes it or exits.";

/** What the widget says when the learner gives up and asks for the leaking line. */
export const REVEALED_LEAK = `This is the leak: ${LEAK_WHY}`;

export function hintFor(line: number): string {
  if (line === LEAK_LINE) return `Found it: ${LEAK_WHY}`;
  return HINTS[line] ?? "Nothing here opens or closes a socket. Follow fd from accept() through handle(): which path returns without close(fd)?";
}
