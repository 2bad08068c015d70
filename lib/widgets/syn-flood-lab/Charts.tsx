"use client";
// The lab's time-series charts (recharts). Each chart has its data as a table
// too (in the widget), so nothing here is the only way to read a number.
// Animations are off: the charts redraw on every control change, and a
// learner who prefers reduced motion should not see lines slide.
import { useEffect, useRef, useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { LabResult } from "../../labs/syn-flood-lab/runLab";

const COLORS = { syn: "#0284c7", accept: "#d97706", ok: "#059669", p50: "#7c3aed", p95: "#db2777", limit: "#dc2626" };
const AXIS = { fill: "currentColor", fontSize: 12 };

/**
 * True once the element has come within a screen of the viewport. recharts
 * measures its text with forced layouts; three charts cost the main thread
 * hundreds of milliseconds on a phone, so a chart is drawn only when the
 * learner scrolls near it (and stays drawn). Without IntersectionObserver
 * (jsdom), at once.
 */
function useNearViewport<T extends Element>(): [React.RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || near) return;
    if (typeof IntersectionObserver === "undefined") {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setNear(true);
    }, { rootMargin: "100% 0px" });
    observer.observe(el);
    return () => observer.disconnect();
  }, [near]);
  return [ref, near];
}

function Frame({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  const [ref, near] = useNearViewport<HTMLDivElement>();
  return (
    <figure className="m-0 min-w-0 rounded-lg border border-slate-200 p-2 dark:border-slate-700">
      <figcaption className="px-1 text-sm font-semibold">{title}</figcaption>
      <p className="mt-0 mb-1 px-1 text-xs text-slate-600 dark:text-slate-400">{description}</p>
      {/* ResponsiveContainer measures its parent: the parent needs a real height */}
      <div
        ref={ref}
        className="h-56 w-full text-slate-700 dark:text-slate-300"
        role="img"
        aria-label={`${title}. ${description} The same data is in the tables below.`}
        data-drawn={near ? "true" : "false"}
      >
        {near ? children : null}
      </div>
    </figure>
  );
}

export function QueueChart({ result }: { result: LabResult }) {
  const { limits } = result;
  return (
    <Frame
      title="Queue occupancy over time"
      description={`SYN queue (half-open requests) and accept queue (established, not yet accepted). Both are full above sk_max_ack_backlog = ${limits.maxAckBacklog}.`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={result.points} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="#94a3b855" strokeDasharray="3 3" />
          <XAxis dataKey="t" type="number" domain={[0, result.controls.duration]} tick={AXIS} unit=" s" />
          <YAxis tick={AXIS} allowDecimals={false} width={48} />
          <Tooltip isAnimationActive={false} contentStyle={{ color: "#0f172a" }} />
          <Legend />
          <ReferenceLine y={limits.maxAckBacklog} stroke={COLORS.limit} strokeDasharray="6 3" label={{ value: `limit ${limits.maxAckBacklog}`, fill: COLORS.limit, fontSize: 11, position: "insideTopRight" }} />
          {limits.unprovenCutoff !== null ? (
            <ReferenceLine y={limits.unprovenCutoff} stroke={COLORS.p95} strokeDasharray="2 2" label={{ value: `3/4 tcp_max_syn_backlog`, fill: COLORS.p95, fontSize: 11, position: "insideBottomRight" }} />
          ) : null}
          <Line type="stepAfter" dataKey="synQueue" name="SYN queue" stroke={COLORS.syn} dot={false} strokeWidth={2} isAnimationActive={false} />
          <Line type="stepAfter" dataKey="acceptQueue" name="accept queue" stroke={COLORS.accept} dot={false} strokeWidth={2} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </Frame>
  );
}

export function SuccessChart({ result }: { result: LabResult }) {
  return (
    <Frame
      title="Legitimate clients: connect() success"
      description="Per second of connect() calls: the share whose connect() returned successfully by the end of the run."
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={result.seconds} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="#94a3b855" strokeDasharray="3 3" />
          <XAxis dataKey="second" type="number" domain={[0, result.controls.duration]} tick={AXIS} unit=" s" />
          <YAxis tick={AXIS} domain={[0, 100]} unit="%" width={48} />
          <Tooltip isAnimationActive={false} contentStyle={{ color: "#0f172a" }} />
          <Legend />
          <ReferenceLine x={result.floodStart} stroke={COLORS.limit} strokeDasharray="6 3" label={{ value: "flood", fill: COLORS.limit, fontSize: 11, position: "insideTopLeft" }} />
          <Line type="stepAfter" dataKey="successRate" name="success %" stroke={COLORS.ok} dot={false} strokeWidth={2} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </Frame>
  );
}

export function LatencyChart({ result }: { result: LabResult }) {
  return (
    <Frame
      title="Legitimate clients: connect() latency"
      description="Median and 95th percentile of the successful connects started in each second, in milliseconds. A dropped SYN costs a whole retransmission timeout: 1 s, then 1 s more, and so on."
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={result.seconds} margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="#94a3b855" strokeDasharray="3 3" />
          <XAxis dataKey="second" type="number" domain={[0, result.controls.duration]} tick={AXIS} unit=" s" />
          <YAxis tick={AXIS} unit=" ms" width={64} />
          <Tooltip isAnimationActive={false} contentStyle={{ color: "#0f172a" }} />
          <Legend />
          <Line type="stepAfter" dataKey="p50" name="p50 (ms)" stroke={COLORS.p50} dot={false} strokeWidth={2} isAnimationActive={false} />
          <Line type="stepAfter" dataKey="p95" name="p95 (ms)" stroke={COLORS.p95} dot={false} strokeWidth={2} strokeDasharray="4 2" isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </Frame>
  );
}
