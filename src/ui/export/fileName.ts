// Names for saved files: the scenario and the day, e.g. "gpu-audio-nvme-2026-11-24.png", so a folder
// of exports sorts by machine and then by date, and no name needs quoting in a shell.

/** Lowercase letters, digits and single hyphens; at most 48 characters. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
}

/** The local calendar day as YYYY-MM-DD. */
function day(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function exportFileName(scenarioId: string, extension: string, date: Date): string {
  return `${slug(scenarioId) || 'scenario'}-${day(date)}.${extension}`;
}
