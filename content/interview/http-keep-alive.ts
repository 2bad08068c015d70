// Interview questions: HTTP keep-alive and who closes (format: lib/interview/question.ts).
import type { InterviewQuestion } from "@/lib/interview/question";

export const httpKeepAliveQuestions: InterviewQuestion[] = [
  {
    id: "http-keep-alive-vs-tcp-keepalive",
    topic: "http-keep-alive",
    difficulty: "warm-up",
    question: "What is the difference between HTTP keep-alive and TCP keepalive?",
    modelAnswer:
      "They share a name and little else. " +
      "HTTP keep-alive, or persistent connections, means reusing one TCP connection for several requests and responses instead of opening a new connection per request. " +
      "HTTP/1.1 connections are persistent by default (RFC 9112 §9.3), while HTTP/1.0 needed Connection: keep-alive. " +
      "TCP keepalive is a kernel mechanism that sends probes on an idle connection to find out whether the peer is still there. " +
      "It is off by default and an application enables it per socket with SO_KEEPALIVE. " +
      "A web server's keep-alive timeout is an HTTP idle timeout: when it expires the server closes the connection with a FIN, and no probe is involved. " +
      "Either can be used without the other.",
    sources: [
      "RFC 9112 §9.3 (persistence)",
      "RFC 1122 §4.2.3.6 (TCP keep-alives, off by default)",
      "man 7 socket (SO_KEEPALIVE)",
      "man 7 tcp (tcp_keepalive_time)",
    ],
    rubric: {
      ideas: [
        {
          id: "http-reuse",
          idea: "HTTP keep-alive reuses one TCP connection for several requests",
          weight: 2,
          phrasings: [
            "reus*|persistent|several|multiple|many|more .. request*",
            "request* .. same|one|single|open connection",
            "persistent connection*",
            "one|same|single connection .. several|multiple|many|more|successive request*",
          ],
        },
        {
          id: "tcp-probes",
          idea: "TCP keepalive sends probes on an idle connection to check the peer is there",
          weight: 2,
          phrasings: [
            "probe*",
            "kernel .. check*|detect*|test* .. idle|dead|alive|peer",
            "detect*|check* .. dead|alive|vanish*|gone|there .. peer",
          ],
        },
        {
          id: "http11-default",
          idea: "HTTP/1.1 connections are persistent by default",
          weight: 1,
          phrasings: ["persistent|reus*|open .. default", "default .. persistent|reus*|1-1", "1-1 .. default|persistent"],
        },
        {
          id: "server-timeout-fin",
          idea: "A server's keep-alive timeout closes the idle connection with a FIN, no probe involved",
          weight: 1,
          phrasings: ["timeout .. clos*|fin", "idle .. timeout .. http", "server .. clos* .. idle|fin", "clos* .. with .. fin"],
        },
        {
          id: "tcp-off-by-default",
          idea: "TCP keepalive is off unless the socket sets SO_KEEPALIVE",
          weight: 1,
          phrasings: ["so_keepalive", "off|disabled .. default", "not|never .. on|enabled .. default"],
        },
      ],
      misconceptions: [
        {
          id: "same-mechanism",
          label: "Thinks HTTP keep-alive uses or is the same as TCP keepalive",
          whyWrong: "HTTP keep-alive is connection reuse (RFC 9112 §9.3); TCP keepalive is a socket option that sends probes (man 7 tcp). Neither uses the other.",
          phrasings: [
            "same|identical|equivalent thing|mechanism|feature",
            "http .. keep-alive|keepalive|header .. us*|enabl*|implement*|rel*|based|send*|turn* .. tcp-keep-alive|tcp-keepalive|probe*|so_keepalive",
            "name|alias|version|form .. for|of .. so_keepalive|tcp-keepalive|tcp-keep-alive",
          ],
        },
      ],
    },
    wrongAnswers: [
      {
        claim: "They are the same thing: the Connection: keep-alive header makes the kernel send TCP keepalive probes.",
        whyWrong: "The header is about reusing the connection for more requests (RFC 9112 §9.3); probes are sent only on sockets with SO_KEEPALIVE, which HTTP never sets by itself.",
      },
      {
        claim: "HTTP keep-alive is just the application-level name for SO_KEEPALIVE, which the web server turns on for every connection.",
        whyWrong: "SO_KEEPALIVE enables kernel probes; HTTP keep-alive means sending several requests over one connection, and a server's keep-alive timeout closes idle connections with a FIN.",
      },
    ],
    followUps: [
      "Which side closes a keep-alive connection when the server's idle timeout expires, and who gets the TIME-WAIT?",
      "Would enabling TCP keepalive on the server change when idle HTTP connections are closed?",
    ],
    lesson: { slug: "peer-vanishes", anchor: "http-keep-alive-who-closes" },
  },
  {
    id: "http-who-holds-time-wait",
    topic: "http-keep-alive",
    difficulty: "core",
    question: "On a busy HTTP/1.1 service, which side ends up holding the TIME-WAIT sockets, and how could you move them to the clients?",
    modelAnswer:
      "TIME-WAIT goes to whichever side sends the first FIN, so it depends on who closes. " +
      "A client that sends Connection: close makes the server initiate the close after its final response (RFC 9112 §9.6). " +
      "A server whose keep-alive idle timeout expires is also the first to send a FIN. " +
      "In both cases the TIME-WAIT sockets pile up on the server, where they cost memory but no ports, since they all share its listening port. " +
      "To move them to the clients, let the clients close idle pooled connections themselves, with a client idle timeout shorter than the server's, and avoid Connection: close. " +
      "Then the client sends the first FIN and holds the TIME-WAIT for 60 seconds. " +
      "That is cheap as long as the client does not exhaust its ephemeral ports toward that server.",
    sources: [
      "RFC 9112 §9.3 (persistence), §9.6 (tear-down: the server initiates the close)",
      "RFC 9293 §3.6 (the side that closes first enters TIME-WAIT)",
      "TCP_TIMEWAIT_LEN (60 s) in include/net/tcp.h",
    ],
    rubric: {
      ideas: [
        {
          id: "first-fin",
          idea: "TIME-WAIT goes to the side that sends the first FIN",
          weight: 2,
          phrasings: [
            "first fin",
            "clos*|hang*|hung .. first",
            "active clos*|closer",
            "whoever|side|end|host .. clos*|send*|sent .. first",
            "initiat* .. clos*",
          ],
        },
        {
          id: "connection-close-server",
          idea: "After Connection: close the server initiates the close",
          weight: 1,
          phrasings: [
            "connection close .. server .. clos*|initiat*|fin|first",
            "close .. server .. clos*|initiat*|fin|first",
            "make*|force*|tell*|ask* .. server .. clos*|initiat*",
            "server .. must|has-to|will|then .. clos*|initiat*",
          ],
        },
        {
          id: "idle-timeout-server",
          idea: "A server's idle timeout also makes the server close first",
          weight: 1,
          phrasings: ["server .. idle|timeout|keepalive_timeout|keep-alive-timeout", "idle|timeout .. server .. clos*|fin"],
        },
        {
          id: "client-closes-first",
          idea: "Clients take it over by closing idle connections first, with an idle timeout shorter than the server's",
          weight: 2,
          phrasings: [
            "client* .. clos* .. idle|pool*|first|themselves|itself|own",
            "client* .. idle|pool timeout .. shorter|lower|less|below|smaller|before",
            "shorter|lower|less|below|smaller .. than .. server*",
          ],
        },
      ],
      misconceptions: [
        {
          id: "time-wait-always-server",
          label: "Thinks TIME-WAIT is always on the server",
          whyWrong: "It is on whichever side sends the first FIN (RFC 9293 §3.6); a client that closes first holds it.",
          phrasings: ["always .. server", "server* .. always", "time-wait|time_wait|timewait .. server .. because .. accept*|listen*"],
        },
        {
          id: "tw-recycle",
          label: "Suggests tcp_tw_recycle",
          whyWrong: "tcp_tw_recycle was removed in Linux 4.12 after it broke clients behind NAT; it does not exist on Linux 6.x.",
          phrasings: ["tcp_tw_recycle|tw_recycle|recycle"],
          unless: ["removed|gone|4-12|deleted"],
        },
      ],
    },
    wrongAnswers: [
      {
        claim: "TIME-WAIT is always on the server, because the server accepted the connection.",
        whyWrong: "It belongs to the side that closes first, whatever its role (RFC 9293 §3.6); with keep-alive that depends on who ends the connection.",
      },
      {
        claim: "Enable tcp_tw_recycle on the server to get rid of them.",
        whyWrong: "tcp_tw_recycle was removed in Linux 4.12; it broke clients behind NAT. Moving the first FIN to the client is the real option.",
      },
      {
        claim: "The client holds it because the client opened the connection, so nothing can be moved.",
        whyWrong: "Who opened the connection does not matter: the side that sends the first FIN holds TIME-WAIT, and that can be either.",
      },
    ],
    followUps: [
      "Why is TIME-WAIT cheap on a server but potentially costly on a client?",
      "What goes wrong when the server's idle timeout is shorter than the client pool's?",
    ],
    lesson: { slug: "peer-vanishes", anchor: "http-keep-alive-who-closes" },
  },
  {
    id: "keep-alive-idle-timeout-race",
    topic: "http-keep-alive",
    difficulty: "core",
    question:
      "Clients of an HTTP service occasionally fail with 'connection reset by peer' or an unexpected EOF on the first request after a pause, though the server is healthy. What is going on, and how do you fix it?",
    modelAnswer:
      "It is the keep-alive race. " +
      "The server's idle timeout expired and it closed the pooled connection with a FIN, but the client had not looked at that connection yet: its socket sat in CLOSE-WAIT in the pool. " +
      "When the client reused the connection at that moment, it either read an EOF instead of a response, " +
      "or its request reached a socket the server had already closed, whose kernel answered with an RST. " +
      "RFC 9112 §9.5 describes exactly this race. " +
      "The fix is to make the client close idle connections first, with a pool idle timeout shorter than the server's and than any load balancer's in between. " +
      "Clients should also check that a pooled connection is still open before reusing it, and retry idempotent requests that fail this way.",
    sources: [
      "RFC 9112 §9.5 (failures and timeouts), §9.3.1 (retrying requests)",
      "RFC 9110 §9.2.2 (idempotent methods)",
      "RFC 9293 §3.10.7.1 (RST for a segment to a closed connection)",
      "tcp_timewait_state_process() in net/ipv4/tcp_minisocks.c (data after close draws an RST)",
    ],
    rubric: {
      ideas: [
        {
          id: "server-closed-idle",
          idea: "The server's idle timeout closed the pooled connection",
          weight: 2,
          phrasings: [
            "server .. idle|timeout .. clos*|fin|expir*",
            "idle timeout .. expir*|clos*",
            "server* .. clos* .. idle|pool*|keep-alive|keepalive|connection",
          ],
        },
        {
          id: "client-reuses-stale",
          idea: "The client reused the connection at the same moment: a race",
          weight: 2,
          phrasings: [
            "race",
            "client .. reus*|send*|sent .. same-time|moment|while|just|already|stale|closed",
            "reus* .. closed|stale|dead|half-closed",
            "at-the-same-time|simultaneous*|just-as|right-as|same-moment|the-moment|exactly-when|right-when",
          ],
        },
        {
          id: "rst-or-eof",
          idea: "The request gets an RST from the closed socket, or the client reads EOF",
          weight: 1,
          phrasings: ["rst|reset .. closed|kernel|socket", "answer*|respon*|repl* .. rst|reset", "eof|end-of-file", "close-wait|close_wait"],
        },
        {
          id: "client-timeout-shorter",
          idea: "Make the client's idle timeout shorter than the server's, so the client closes first",
          weight: 2,
          phrasings: [
            "client*|pool* .. timeout .. shorter|lower|less|below|smaller|before",
            "shorter|lower|less|below|smaller .. than .. server*",
            "client* .. clos* .. first",
          ],
        },
        {
          id: "check-or-retry",
          idea: "Check a pooled connection before reuse, and retry idempotent requests",
          weight: 1,
          phrasings: ["retr* .. idempotent|safe|get", "idempotent", "check*|test*|validat* .. before .. reus*"],
        },
      ],
      misconceptions: [
        {
          id: "enable-tcp-keepalive",
          label: "Thinks TCP keepalive keeps the server from closing idle HTTP connections",
          whyWrong: "TCP keepalive probes do not count as HTTP activity; the server's HTTP idle timeout closes the connection regardless.",
          phrasings: ["enabl*|turn*|set|use|add .. tcp-keepalive|tcp-keep-alive|so_keepalive|keepalive-probe*"],
        },
        {
          id: "client-timeout-longer",
          label: "Makes the client's idle timeout longer than the server's",
          whyWrong: "That guarantees the server closes first and the client keeps reusing connections the server has just closed.",
          phrasings: ["client*|pool* .. timeout .. longer|higher|greater|more|above"],
        },
        {
          id: "server-is-crashing",
          label: "Blames a crashing or overloaded server",
          whyWrong: "A healthy server closing idle connections on schedule produces exactly these errors; no crash is needed.",
          phrasings: ["server .. crash*|overload*|bug*|broken|dying"],
        },
      ],
    },
    wrongAnswers: [
      {
        claim: "The network is dropping packets; enable TCP keepalive on the client so the connection stays alive.",
        whyWrong: "Nothing is lost: the server closed the idle connection on purpose, and TCP keepalive does not reset an HTTP idle timeout.",
      },
      {
        claim: "The server crashes under load and resets connections; add more servers.",
        whyWrong: "A healthy server produces these errors whenever its idle timeout closes a connection the client reuses at that moment (RFC 9112 §9.5).",
      },
      {
        claim: "Make the client's idle timeout longer than the server's so that connections get reused more.",
        whyWrong: "Then the server always closes first and the client keeps picking connections that are already closed; the client's timeout must be the shorter one.",
      },
    ],
    followUps: [
      "Why is retrying a POST after such a failure dangerous?",
      "What state is the client's pooled socket in after the server's FIN, and how can the client notice before reusing it?",
      "Where else does this race appear, for example between a load balancer and its backends?",
    ],
    lesson: { slug: "peer-vanishes", anchor: "http-keep-alive-who-closes" },
  },
  {
    id: "connection-close-header",
    topic: "http-keep-alive",
    difficulty: "warm-up",
    question: "What does the Connection: close header do in HTTP/1.1, and what happens at the TCP level when a client sends it?",
    modelAnswer:
      "HTTP/1.1 connections are persistent unless a side says otherwise (RFC 9112 §9.3). " +
      "Connection: close says the sender will not keep this connection after the current request and response. " +
      "A client that sends it must not send further requests on that connection. " +
      "The server that receives it must initiate the close after sending its final response (RFC 9112 §9.6). " +
      "At the TCP level the server sends the first FIN right after the response. " +
      "The client reads the response, then end of file, and closes its side. " +
      "The TIME-WAIT ends up on the server. " +
      "A server can also send Connection: close in a response when it wants to stop, for example at its limit of requests per connection or when shutting down.",
    sources: ["RFC 9112 §9.3 (persistence), §9.6 (tear-down)", "RFC 9110 §7.6.1 (Connection header field)", "RFC 9293 §3.6 (closing a connection)"],
    rubric: {
      ideas: [
        {
          id: "persistent-by-default",
          idea: "Without it, HTTP/1.1 connections are persistent",
          weight: 1,
          phrasings: ["persistent .. default|unless|otherwise", "default .. persistent|keep*|reus*|open", "persistent .. 1-1|http", "open|persistent|alive .. by-default"],
        },
        {
          id: "no-more-requests",
          idea: "No further requests on that connection: it ends after this response",
          weight: 1,
          phrasings: [
            "no|not|never .. more|further|another|other|new request*",
            "last|final request|exchange",
            "clos* .. after .. response|request|this",
            "not .. keep|reuse .. connection",
          ],
        },
        {
          id: "server-initiates-close",
          idea: "The server initiates the close after its final response",
          weight: 2,
          phrasings: [
            "server .. initiat*|start*|begin* .. clos*",
            "server .. must|has-to|will|then .. clos*",
            "server .. clos* .. first|after",
          ],
        },
        {
          id: "server-first-fin",
          idea: "So the server sends the first FIN",
          weight: 1,
          phrasings: ["server .. first fin|fin-first", "server .. send*|sent .. fin", "first fin .. server", "fin .. from .. server"],
        },
        {
          id: "time-wait-server",
          idea: "The TIME-WAIT ends up on the server",
          weight: 1,
          phrasings: ["time-wait|time_wait|timewait .. server", "server .. time-wait|time_wait|timewait"],
        },
      ],
      misconceptions: [
        {
          id: "client-holds-time-wait",
          label: "Thinks the client holds the TIME-WAIT after Connection: close",
          whyWrong: "The server must initiate the close (RFC 9112 §9.6), so it sends the first FIN and holds the TIME-WAIT.",
          phrasings: ["time-wait|time_wait|timewait .. client", "client .. hold*|get*|ends|enter*|in .. time-wait|time_wait|timewait"],
          unless: ["server"],
        },
        {
          id: "disables-tcp-keepalive",
          label: "Thinks the header switches TCP keepalive off",
          whyWrong: "Connection: close ends HTTP connection reuse; TCP keepalive is a socket option (SO_KEEPALIVE) that HTTP headers never touch.",
          phrasings: ["disabl*|turn*|switch*|stop* .. so_keepalive|tcp-keepalive|tcp-keep-alive|keepalive-probe*|probes"],
        },
      ],
    },
    wrongAnswers: [
      {
        claim: "It turns off TCP keepalive on the socket, so the kernel stops sending probes.",
        whyWrong: "It ends HTTP connection reuse; TCP keepalive probes are a socket option that HTTP headers do not affect.",
      },
      {
        claim: "The client closes the connection right after sending the request, so the client holds the TIME-WAIT.",
        whyWrong: "The client still has to read the response; the server must initiate the close after its final response (RFC 9112 §9.6), so the server holds the TIME-WAIT.",
      },
    ],
    followUps: [
      "Why do servers often shut down only the write side first and keep reading for a while?",
      "How did an HTTP/1.0 client ask for a persistent connection?",
    ],
    lesson: { slug: "peer-vanishes", anchor: "http-keep-alive-who-closes" },
  },
  {
    id: "lingering-close-rst",
    topic: "http-keep-alive",
    difficulty: "deep",
    question:
      "Why do HTTP servers close a connection in stages, shutting down the write side and reading for a while, instead of calling close() as soon as the last response is written?",
    modelAnswer:
      "Closing a socket whose receive queue still holds unread data makes Linux send an RST, not a FIN, and so does data arriving after the close. " +
      "A client that pipelined another request, or sent one just as the server decided to close, triggers exactly that. " +
      "The RST can make the client's TCP discard the last response while it still sits unread in the receive buffer, so the client sees a reset instead of the answer. " +
      "RFC 9112 §9.6 therefore recommends a staged close. " +
      "The server half-closes with shutdown for writing, which sends its FIN after the response. " +
      "It then keeps reading and discarding until the client closes or a short timeout passes, and only then calls close(). " +
      "nginx calls this lingering close.",
    sources: [
      "RFC 9112 §9.6 (tear-down: the TCP reset problem, closing in stages)",
      "tcp_close() in net/ipv4/tcp.c (unread data: RST instead of FIN)",
      "RFC 2525 §2.17 (RST on close with unread data)",
      "man 2 shutdown (SHUT_WR)",
    ],
    rubric: {
      ideas: [
        {
          id: "rst-on-unread",
          idea: "Closing with unread data, or data arriving after close, makes the kernel send an RST",
          weight: 2,
          phrasings: [
            "unread .. rst|reset",
            "rst|reset .. unread|pending|queued|buffered|arriv*|pipelin*|receiv*|leftover|late",
            "data .. arriv*|unread|pending|queued|left .. rst|reset",
            "clos* .. with .. data .. rst|reset",
            "linux|kernel|tcp|server|stack .. send*|sent|answer*|respond*|repl* .. with|an|a .. rst|reset",
          ],
        },
        {
          id: "client-loses-response",
          idea: "The RST can make the client discard the response before reading it",
          weight: 2,
          phrasings: [
            "discard*|eras*|lose*|lost|drop*|destroy*|throw*|flush*|wipe* .. response|answer|buffer*|data",
            "discard*|eras*|lose*|lost|drop*|destroy*|throw*|flush*|wipe* .. response|answer|data .. not|never|yet",
            "response|answer .. lost|discard*|erased|destroyed|dropped|never-read",
            "client .. sees|gets|reads .. reset .. instead",
          ],
        },
        {
          id: "half-close",
          idea: "The server half-closes: shutdown for writing sends its FIN",
          weight: 1,
          phrasings: ["shutdown|shut_wr", "half-clos*", "write|writing|sending side|direction|half"],
        },
        {
          id: "keep-reading",
          idea: "It keeps reading and discarding until the client closes or a timeout passes",
          weight: 1,
          phrasings: ["keep*|continu*|still .. read*|drain*", "read* .. discard*|until|drain*|timeout|while"],
        },
      ],
      misconceptions: [
        {
          id: "to-avoid-time-wait",
          label: "Thinks the staged close is about avoiding TIME-WAIT",
          whyWrong: "The server still sends the first FIN and still holds TIME-WAIT; the staged close is about the RST that would destroy the client's unread response (RFC 9112 §9.6).",
          phrasings: ["avoid*|prevent*|skip*|escape* .. time-wait|time_wait|timewait"],
        },
        {
          id: "so-linger",
          label: "Confuses a lingering close with SO_LINGER",
          whyWrong: "SO_LINGER makes close() wait for unsent data (or, with a zero timeout, reset the connection); it does not read and discard what the client still sends.",
          phrasings: ["so_linger|solinger"],
        },
        {
          id: "close-drops-unsent",
          label: "Thinks close() throws away the unsent response",
          whyWrong: "After close() the kernel still delivers queued outgoing data and then the FIN; only unread incoming data, or data arriving later, turns the close into an RST.",
          phrasings: ["clos* .. discard*|drop*|lose*|throw* .. unsent|outgoing|send-buffer|queued|pending"],
          unless: ["unread|receiv*|incoming|rst|reset"],
        },
      ],
    },
    wrongAnswers: [
      {
        claim: "To avoid TIME-WAIT on the server: reading until the client closes makes the client close first.",
        whyWrong: "The server's shutdown already sent the first FIN, so the server still holds TIME-WAIT; the staged close prevents an RST that would destroy the client's response.",
      },
      {
        claim: "Because close() discards the unsent part of the response; the kernel only delivers data that was already on the wire.",
        whyWrong: "close() keeps queued outgoing data and sends it before the FIN; the danger is unread incoming data or late data, which turn the close into an RST (tcp_close()).",
      },
      {
        claim: "They set SO_LINGER with a timeout so that close() blocks until the response is delivered.",
        whyWrong: "SO_LINGER only waits for outgoing data; a request that arrives afterwards still draws an RST, which the staged close avoids by reading and discarding it.",
      },
    ],
    followUps: [
      "What exactly does Linux do on close() when unread data is in the receive queue?",
      "How is SO_LINGER with a zero timeout different from a lingering close?",
      "How does HTTP/2's GOAWAY change the picture?",
    ],
    lesson: { slug: "four-way-close", anchor: "rst-instead-of-fin" },
    preset: "close-with-unread-data",
  },
];
