// The real Linux captures in content/captures, as files a learner can download.
// Server-only: it reads the disk. Widgets import the JSON they show directly.
import "server-only";
import fs from "node:fs";
import path from "node:path";

export const capturesDirectory = path.join(process.cwd(), "content", "captures");

/** How each downloadable kind is served: pcap for Wireshark and tcpdump -r, JSON for the scenario and trace. */
export const CAPTURE_MEDIA_TYPES = {
  pcap: "application/vnd.tcpdump.pcap",
  json: "application/json; charset=utf-8",
} as const;

export type CaptureFileName = `${string}.${keyof typeof CAPTURE_MEDIA_TYPES}`;

const FILE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*\.(pcap|json)$/;

/** Every downloadable file, by name (NAME.pcap, NAME.json). */
export function listCaptureFiles(directory = capturesDirectory): CaptureFileName[] {
  return fs
    .readdirSync(/*turbopackIgnore: true*/ directory)
    .filter((name): name is CaptureFileName => FILE_NAME.test(name))
    .sort();
}

/** A capture file's bytes and media type, or undefined for a name that is not one. */
export function readCaptureFile(name: string, directory = capturesDirectory) {
  const match = FILE_NAME.exec(name);
  if (!match) return undefined;
  const file = path.join(/*turbopackIgnore: true*/ directory, name);
  if (!fs.existsSync(file)) return undefined;
  return { bytes: fs.readFileSync(file), mediaType: CAPTURE_MEDIA_TYPES[match[1] as keyof typeof CAPTURE_MEDIA_TYPES] };
}
