// The error for text without a single device line, with a hint when it is another known format.
const GROUP_LISTING = /iommu_groups\/\d|^\s*(?:IOMMU )?Group \d+\b|Adding to iommu group/i;
const TREE = /-\[[0-9a-fA-F]{4}:[0-9a-fA-F]{2}\]-|^[\s|]*[+\\]-[0-9a-fA-F]{2}\.[0-7]/;
const MACHINE_READABLE = /^Slot:\s/;

/** How many lines are looked at for a hint; the message must come quickly even for huge inputs. */
const HINT_LINES = 200;

export function noDeviceLineMessage(lines: readonly string[]): string {
  const first = lines.find((l) => l.trim() !== '') ?? '';
  const shown = first.length > 60 ? `${first.slice(0, 60)}...` : first;
  const sample = lines.slice(0, HINT_LINES);
  let hint = '';
  if (sample.some((l) => GROUP_LISTING.test(l))) hint = ' This looks like an IOMMU group listing: give it as the group listing, not as lspci text.';
  else if (sample.some((l) => TREE.test(l))) hint = ' This looks like the tree of lspci -t, which shows neither capabilities nor ACS: give lspci -vvv instead.';
  else if (sample.some((l) => MACHINE_READABLE.test(l))) hint = ' This looks like lspci -vmm, which is not read: give lspci -vvv instead.';
  return `no PCI device line found; expected lines like "0000:00:1f.3 Audio device [0403]: Intel Corporation ... [8086:a2f0]" as lspci -D -vvv -nn prints them, but the text starts with "${shown}".${hint}`;
}
