// Downloads of the real captures the lessons show: /captures/NAME.pcap and
// /captures/NAME.json, generated at build time from content/captures.
import { listCaptureFiles, readCaptureFile } from "@/lib/captures/files";

export const dynamicParams = false;

export function generateStaticParams() {
  return listCaptureFiles().map((file) => ({ file }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const capture = readCaptureFile(file);
  if (!capture) return new Response("No capture by that name.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(capture.bytes), {
    headers: {
      "content-type": capture.mediaType,
      "content-disposition": `attachment; filename="${file}"`,
      "cache-control": "public, max-age=3600",
    },
  });
}
