// Options shared by `groups` and `compare`: the grouping settings of spec model.md §1.
import { parseAcsOverride } from '../../model/grouping/acsOverride.ts';
import type { GroupingSettings } from '../../model/grouping/types.ts';

export interface GroupingArgs {
  settings: GroupingSettings;
  json: boolean;
  files: string[];
}

/** Parses `[--json] [--acs-override=a,b] [--strict-switch] FILE...`; a string is the complaint. */
export function parseGroupingArgs(args: string[], usage: string): GroupingArgs | string {
  const settings: GroupingSettings = { acsOverride: [], strictSwitch: false };
  let json = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') json = true;
    else if (a === '--strict-switch') settings.strictSwitch = true;
    else if (a === '--acs-override' || a.startsWith('--acs-override=')) {
      const value = a === '--acs-override' ? args[++i] : a.slice('--acs-override='.length);
      if (!value) return `--acs-override needs a value such as downstream,multifunction,id:8086:1234\n${usage}`;
      settings.acsOverride = value.split(',').map((w) => w.trim()).filter(Boolean);
      // The kernel ignores words it does not know; on the command line that is almost surely a typo.
      const { ignored } = parseAcsOverride(settings.acsOverride);
      if (ignored.length > 0) return `--acs-override: "${ignored.join(', ')}" is not downstream, multifunction or id:vvvv:dddd (at most 15 ids)`;
    } else if (a.startsWith('--')) return `unknown option ${a}\n${usage}`;
    else files.push(a);
  }
  return { settings, json, files };
}
