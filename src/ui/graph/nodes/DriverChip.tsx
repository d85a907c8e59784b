// The driver a device is bound to, coloured by what it means for DMA: a vfio driver, pci-stub, a
// host driver, or none.
import { isVfioDriver, normalizeDriverName } from '../../../model/kernel/drivers.ts';

function tone(driver: string | null): string {
  if (driver === null) return 'border-dashed border-slate-400 bg-white text-slate-500 italic';
  if (isVfioDriver(driver)) return 'border-indigo-500 bg-indigo-600 text-white';
  if (normalizeDriverName(driver) === 'pci_stub') return 'border-teal-500 bg-teal-50 text-teal-800';
  return 'border-slate-300 bg-slate-100 text-slate-700';
}

export function DriverChip({ driver }: { driver: string | null }) {
  return (
    <span className={`chip-transition inline-block max-w-[118px] truncate rounded border px-1.5 py-px font-mono text-[11px] leading-4 ${tone(driver)}`}>
      {driver ?? 'no driver'}
    </span>
  );
}
