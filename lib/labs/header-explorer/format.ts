// How the explorer writes numbers that appear in more than one place.
import { hexOf } from "@/lib/wire/bytes";

/**
 * The checksum, written the same way everywhere the explorer shows it: hex
 * first, as tcpdump -v and the hex dump show it, then decimal, as the field
 * editor takes it. "0x15c1 (5569)"
 */
export function formatChecksum(value: number): string {
  return `${hexOf(value, 4)} (${value})`;
}
