// "viable" / "not viable", pulsing when it flips so the eye catches the change.
import { useChangeCount } from '../useChangeCount.ts';

export function ViabilityBadge({ viable, label }: { viable: boolean; label?: string }) {
  const changes = useChangeCount(viable);
  return (
    <span
      key={changes}
      data-testid="viability-badge"
      className={`${changes > 0 ? 'badge-pulse' : ''} shrink-0 rounded-full px-2 py-0.5 text-[11px] font-bold ${
        viable ? 'bg-emerald-600 text-white' : 'bg-rose-600 text-white'
      }`}
    >
      {label ?? (viable ? 'viable' : 'not viable')}
    </span>
  );
}
