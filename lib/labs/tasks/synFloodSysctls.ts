// Task: keep 90% of legitimate clients connecting through a 5,000 SYN/s flood,
// changing only sysctls (the application's listen(128) stays as it is).
import { DEFAULT_CONTROLS } from "@/lib/labs/syn-flood-lab/controls";
import { runLab } from "@/lib/labs/syn-flood-lab/runLab";
import type { TaskModel, TaskValues } from "./taskModel";

export const synFloodSysctlsTask: TaskModel = {
  id: "syn-flood-sysctls",
  controls: [
    {
      kind: "select",
      name: "tcp_syncookies",
      label: "net.ipv4.tcp_syncookies",
      options: [
        { value: "0", label: "0 (off)" },
        { value: "1", label: "1 (when the SYN queue overflows)" },
        { value: "2", label: "2 (always)" },
      ],
    },
    { kind: "number", name: "tcp_max_syn_backlog", label: "net.ipv4.tcp_max_syn_backlog", min: 128, max: 65536, step: 128 },
    { kind: "number", name: "somaxconn", label: "net.core.somaxconn", min: 128, max: 65535, step: 1 },
    { kind: "number", name: "tcp_synack_retries", label: "net.ipv4.tcp_synack_retries", min: 1, max: 10, step: 1 },
  ],
  // A host someone "hardened" by turning cookies off; everything else at Linux 6.18 defaults.
  initial: { tcp_syncookies: "0", tcp_max_syn_backlog: 2048, somaxconn: 4096, tcp_synack_retries: 5 },
  run(values: TaskValues) {
    const result = runLab({
      ...DEFAULT_CONTROLS,
      attackRate: 5000,
      legitRate: 10,
      acceptRate: 200,
      backlog: 128,
      duration: 10,
      tcp_abort_on_overflow: 0,
      tcp_syncookies: Number(values.tcp_syncookies),
      tcp_max_syn_backlog: Number(values.tcp_max_syn_backlog),
      somaxconn: Number(values.somaxconn),
      tcp_synack_retries: Number(values.tcp_synack_retries),
    });
    const { started, ok, pending, failed } = result.totals;
    const percent = started ? Math.round((ok / started) * 1000) / 10 : 0;
    const lines = [
      `Flood: ${result.totals.floodSyns} spoofed SYNs from ${result.floodStart} s; ${started} legitimate connects over 10 s.`,
      `connect() succeeded for ${ok} of ${started} (${percent}%); ${pending} still retrying their SYN at the end, ${failed} failed.`,
      ...result.nstat.filter((row) => row.value > 0).map((row) => `${row.name} ${row.value}`),
    ];
    return { lines, metrics: { successPercent: percent } };
  },
};
