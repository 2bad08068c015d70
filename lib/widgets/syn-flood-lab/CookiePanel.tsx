"use client";
// "How a SYN cookie is built": the learner edits a sample SYN and watches the
// cookie computed step by step, then checked when the ACK comes back.
import { useId, useMemo, useState } from "react";
import {
  buildCookie,
  cookieFieldAllowed,
  optionsKept,
  parseCookieField,
  SAMPLE_COOKIE_INPUT,
  timestampOptionBits,
  type CookieField,
  type CookieInput,
  type CookieStep,
} from "../../labs/syn-flood-lab/cookie";

const input = "w-full rounded border border-slate-400 bg-white px-2 py-1 font-mono text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-sky-600 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100";

function StepList({ title, steps, testId }: { title: string; steps: CookieStep[]; testId?: string }) {
  const headingId = useId();
  return (
    <div>
      <h4 id={headingId} className="m-0 text-sm font-semibold">
        {title}
      </h4>
      <ol aria-labelledby={headingId} className="m-0 mt-1 list-none space-y-1 p-0 text-sm" data-testid={testId}>
        {steps.map((s) => (
          <li key={s.label} className="border-b border-slate-200 pb-1 dark:border-slate-700">
            <div className="font-mono [overflow-wrap:anywhere]">
              <span className="text-slate-700 dark:text-slate-300">{s.label}</span> = <span className="font-semibold">{s.value}</span>
            </div>
            <div>{s.explanation}</div>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function CookiePanel() {
  const id = useId();
  const [form, setForm] = useState({
    clientIsn: String(SAMPLE_COOKIE_INPUT.clientIsn),
    mss: String(SAMPLE_COOKIE_INPUT.mss),
    synAt: String(SAMPLE_COOKIE_INPUT.synAt),
    ackDelay: String(SAMPLE_COOKIE_INPUT.ackDelay),
  });
  const [timestamps, setTimestamps] = useState(true);
  const [sack, setSack] = useState(true);
  const [wscale, setWscale] = useState("7");
  // Each field's last valid value: an invalid entry is explained beside its box while the cookie
  // below stays the one built from the last valid values.
  const [valid, setValid] = useState({
    clientIsn: SAMPLE_COOKIE_INPUT.clientIsn,
    mss: SAMPLE_COOKIE_INPUT.mss,
    synAt: SAMPLE_COOKIE_INPUT.synAt,
    ackDelay: SAMPLE_COOKIE_INPUT.ackDelay,
  });
  const cookieInput: CookieInput = { ...SAMPLE_COOKIE_INPUT, ...valid };
  const built = useMemo(() => buildCookie(cookieInput), [valid.clientIsn, valid.mss, valid.synAt, valid.ackDelay]); // eslint-disable-line react-hooks/exhaustive-deps
  const ws = wscale === "none" ? null : Number(wscale);
  const field = (name: CookieField, label: string, hint: string) => {
    const parsed = parseCookieField(name, form[name]);
    const errorId = `${id}-${name}-error`;
    return (
      <div className="min-w-0">
        <label htmlFor={`${id}-${name}`} className="block text-sm font-medium">
          {label}
        </label>
        <input
          id={`${id}-${name}`}
          className={`${input} aria-[invalid=true]:border-red-700 dark:aria-[invalid=true]:border-red-400`}
          inputMode="decimal"
          value={form[name]}
          onChange={(e) => {
            setForm({ ...form, [name]: e.target.value });
            const next = parseCookieField(name, e.target.value);
            if (next.ok) setValid((v) => ({ ...v, [name]: next.value }));
          }}
          aria-invalid={parsed.ok ? undefined : true}
          aria-describedby={parsed.ok ? `${id}-${name}-hint` : `${errorId} ${id}-${name}-hint`}
        />
        {parsed.ok ? null : (
          <p id={errorId} className="m-0 text-sm text-red-700 dark:text-red-300" data-testid={`cookie-error-${name}`}>
            {parsed.error} The cookie below still uses {valid[name]}.
          </p>
        )}
        <p id={`${id}-${name}-hint`} className="m-0 text-xs text-slate-600 dark:text-slate-400">
          {hint} Allowed: {cookieFieldAllowed(name)}.
        </p>
      </div>
    );
  };
  return (
    <div className="space-y-3" data-testid="syn-cookie-panel">
      <p className="m-0 text-sm">
        A SYN from {SAMPLE_COOKIE_INPUT.clientAddr}:{SAMPLE_COOKIE_INPUT.clientPort} to {SAMPLE_COOKIE_INPUT.serverAddr}:{SAMPLE_COOKIE_INPUT.serverPort} arrives while the SYN queue is full. Change it and watch the cookie change. (The hashes here are a simple keyed mix standing in for Linux&apos;s SipHash; every other step is the kernel&apos;s.)
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        {field("clientIsn", "Client ISN (SYN's sequence number)", "Decimal, or hex starting with 0x.")}
        {field("mss", "MSS option in the SYN", "e.g. 1460 (Ethernet), 1452 (PPPoE), 536.")}
        {field("synAt", "SYN arrives at (seconds since boot)", "Sets the minute counter.")}
        {field("ackDelay", "ACK arrives this many seconds later", "130 is always too late; between 61 and 120 it depends on where in the minute the SYN came.")}
      </div>
      {!built.ok ? (
        <p role="alert" className="m-0 text-sm text-red-700 dark:text-red-300">
          {built.error}
        </p>
      ) : (
        <>
          {/* Lists, not three-column tables: each step's value and reason reflow on a phone instead of scrolling. */}
          <StepList title="Building the cookie (secure_tcp_syn_cookie)" steps={built.steps} testId="syn-cookie-steps" />
          <StepList title="Checking it when the ACK arrives (check_tcp_syn_cookie)" steps={built.check.steps} />
          <p className="m-0 text-sm" aria-live="polite" data-testid="syn-cookie-verdict">
            {built.check.valid ? `Valid: the server creates the connection now, with MSS ${built.check.decodedMss}.` : "Rejected: no connection; the ACK is answered with RST."}
          </p>
        </>
      )}
      <fieldset className="rounded border border-slate-300 p-2 dark:border-slate-600">
        <legend className="px-1 text-sm font-semibold">What survives a cookie</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={timestamps} onChange={(e) => setTimestamps(e.target.checked)} /> client sent timestamps
          </label>
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={sack} onChange={(e) => setSack(e.target.checked)} /> client sent SACK-permitted
          </label>
          <label className="flex items-center gap-1">
            window scale
            <select value={wscale} onChange={(e) => setWscale(e.target.value)} className="rounded border border-slate-400 bg-white px-1 text-slate-900 dark:bg-slate-900 dark:text-slate-100">
              <option value="none">none</option>
              {[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14].map((n) => (
                <option key={n} value={String(n)}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        </div>
        <ul className="mt-2 mb-0 text-sm" data-testid="syn-cookie-options">
          {optionsKept({ timestamps, wscale: ws, sack }).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {timestamps ? (
          <p className="mt-1 mb-0 text-xs text-slate-600 dark:text-slate-400">
            Low 6 bits of the SYN-ACK&apos;s TSval: {timestampOptionBits({ wscale: ws, sack, ecn: false }).toString(2).padStart(6, "0")} (bit 5 ECN, bit 4 SACK, bits 3-0 window scale, 1111 = none), from cookie_init_timestamp() in net/ipv4/syncookies.c.
          </p>
        ) : null}
      </fieldset>
    </div>
  );
}
