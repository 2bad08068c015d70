// Download links for one real capture: the pcap (Wireshark, tcpdump -r) and the
// JSON (the scenario that was run and what the kernel did). Plain links, no
// JavaScript: lessons use it inline as <CaptureDownload name="..." />, widgets
// beside the capture they show.
export function CaptureDownload({ name, className = "" }: { name: string; className?: string }) {
  const link = "text-blue-700 underline underline-offset-2 hover:no-underline dark:text-blue-300";
  return (
    <span className={`whitespace-normal ${className}`} data-capture-download={name}>
      capture <span className="font-mono">{name}</span>{" "}
      (download:{" "}
      <a className={link} href={`/captures/${name}.pcap`} download aria-label={`Download ${name}.pcap`}>
        <span className="font-mono">.pcap</span>
      </a>
      ,{" "}
      <a className={link} href={`/captures/${name}.json`} download aria-label={`Download ${name}.json`}>
        <span className="font-mono">.json</span>
      </a>
      )
    </span>
  );
}
