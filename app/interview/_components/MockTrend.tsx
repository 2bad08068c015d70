// Past mock interviews' scores over time: a small inline SVG line (a picture
// for the eye, described in words for a screen reader) beside the table that
// holds the same numbers. No chart library: a dozen points need none.
export type TrendPoint = { id: string; at: string; score: number };

const WIDTH = 320;
const HEIGHT = 96;
const PAD = 8;

export function MockTrend({ points }: { points: TrendPoint[] }) {
  if (points.length < 2) return null;
  const x = (i: number) => PAD + (i * (WIDTH - 2 * PAD)) / (points.length - 1);
  const y = (score: number) => HEIGHT - PAD - score * (HEIGHT - 2 * PAD);
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.score).toFixed(1)}`).join(" ");
  const first = points[0]!;
  const last = points.at(-1)!;
  const best = Math.max(...points.map((p) => p.score));
  const pct = (s: number) => `${Math.round(s * 100)}%`;
  const description = `${points.length} interviews, oldest first: from ${pct(first.score)} to ${pct(last.score)}, best ${pct(best)}.`;
  return (
    <figure className="mt-4">
      <svg
        role="img"
        aria-labelledby="trend-title trend-desc"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-24 w-full max-w-sm text-blue-700 dark:text-blue-300"
        data-testid="mock-trend"
      >
        <title id="trend-title">Mock interview scores over time</title>
        <desc id="trend-desc">{description}</desc>
        <line x1={PAD} x2={WIDTH - PAD} y1={y(0)} y2={y(0)} className="stroke-slate-300 dark:stroke-slate-700" strokeWidth="1" />
        <line x1={PAD} x2={WIDTH - PAD} y1={y(1)} y2={y(1)} className="stroke-slate-300 dark:stroke-slate-700" strokeWidth="1" strokeDasharray="3 3" />
        <path d={path} fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
        {points.map((p, i) => (
          <circle key={p.id} cx={x(i)} cy={y(p.score)} r="3" fill="currentColor" />
        ))}
      </svg>
      <figcaption className="text-sm text-slate-600 dark:text-slate-400">{description} The dashed line is 100%.</figcaption>
    </figure>
  );
}
