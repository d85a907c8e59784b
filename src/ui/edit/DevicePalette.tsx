// Devices to add: drag one onto a port or bridge in the graph, or select a port and click it.
// Counts (VFs, downstream ports, PCI devices) and the switch's ACS are set on the chip itself.
import { useState } from 'react';
import { TEMPLATE_LABELS, type DeviceTemplate, type TemplateOptions } from '../../model/edit/edits.ts';
import { TEMPLATE_LIMITS } from '../../model/edit/templates.ts';
import { shortBdf } from '../../model/topology/bdf.ts';
import { useExplorer } from '../app/explorerContext.ts';
import { acceptsCards } from './dropTargets.ts';
import { useEditDrag } from './useEditDrag.ts';
import { useRecordEdit } from './useRecordEdit.ts';

const TEMPLATES: readonly DeviceTemplate[] = ['gpu-audio', 'nic-dual', 'nic-sriov', 'nvme', 'switch', 'pcie-pci-bridge', 'chipset'];

const COUNT_FIELD: Partial<Record<DeviceTemplate, { key: 'vfs' | 'ports' | 'devices'; label: string }>> = {
  'nic-sriov': { key: 'vfs', label: 'VFs' },
  switch: { key: 'ports', label: 'ports' },
  'pcie-pci-bridge': { key: 'devices', label: 'devices' },
};

const DEFAULT_OPTIONS: TemplateOptions = { vfs: 4, ports: 2, devices: 2, acs: false };

/** The options a template uses, from the palette's shared settings. */
function optionsFor(template: DeviceTemplate, all: TemplateOptions): TemplateOptions {
  const field = COUNT_FIELD[template];
  if (template === 'switch') return { ports: all.ports, acs: all.acs };
  return field ? { [field.key]: all[field.key] } : {};
}

/** The selected device when it is a port or bridge a device can be added below. */
function useSelectedPort(): string | null {
  return useExplorer((s) => {
    if (s.selection?.kind !== 'device') return null;
    const bdf = s.selection.bdf;
    const fn = s.scenario.topology.functions.find((f) => f.bdf === bdf);
    return fn && acceptsCards(fn) ? bdf : null;
  });
}

export function DevicePalette() {
  const [options, setOptions] = useState<TemplateOptions>(DEFAULT_OPTIONS);
  const startDrag = useEditDrag();
  const record = useRecordEdit();
  const port = useSelectedPort();
  return (
    <div className="flex flex-wrap items-center gap-1.5 text-[12px]" aria-label="devices to add">
      <span className="font-semibold text-slate-700">Add</span>
      {TEMPLATES.map((template) => {
        const field = COUNT_FIELD[template];
        const chosen = optionsFor(template, options);
        return (
          <div
            key={template}
            role="button"
            tabIndex={0}
            data-testid={`palette-${template}`}
            title={port ? `Add below ${shortBdf(port)} (or drag onto another port)` : 'Drag onto a port or bridge, or select one and press this'}
            onPointerDown={(e) => startDrag(e, { kind: 'template', template, options: chosen })}
            onClick={() => {
              if (port) record({ op: 'device.add', at: port, template, options: chosen });
            }}
            onKeyDown={(e) => {
              if ((e.key === 'Enter' || e.key === ' ') && port) {
                e.preventDefault();
                record({ op: 'device.add', at: port, template, options: chosen });
              }
            }}
            className="flex cursor-grab items-center gap-1 rounded-full border border-emerald-300 bg-emerald-50 px-2.5 py-0.5 text-emerald-900 select-none hover:bg-emerald-100 active:cursor-grabbing"
          >
            {TEMPLATE_LABELS[template]}
            {field && (
              <input
                type="number"
                aria-label={`${TEMPLATE_LABELS[template]} ${field.label}`}
                data-testid={`palette-${template}-${field.key}`}
                min={TEMPLATE_LIMITS[field.key].min}
                max={TEMPLATE_LIMITS[field.key].max}
                value={options[field.key]}
                onPointerDown={(e) => e.stopPropagation()}
                onClick={(e) => e.stopPropagation()}
                onKeyDown={(e) => e.stopPropagation()}
                onChange={(e) => setOptions({ ...options, [field.key]: Number(e.target.value) })}
                className="w-10 rounded border border-emerald-300 bg-white px-1 text-right font-mono"
              />
            )}
            {field && <span className="text-emerald-700">{field.label}</span>}
            {template === 'switch' && (
              <label className="flex items-center gap-0.5 text-emerald-700" onPointerDown={(e) => e.stopPropagation()} onClick={(e) => e.stopPropagation()}>
                <input type="checkbox" data-testid="palette-switch-acs" checked={options.acs ?? false} onChange={(e) => setOptions({ ...options, acs: e.target.checked })} />
                ACS
              </label>
            )}
          </div>
        );
      })}
    </div>
  );
}
