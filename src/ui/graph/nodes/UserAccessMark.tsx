// The mark of a device userspace can reach through a device fd; it flashes in when access is granted
// and is gone once it is revoked.
import { useChangeCount } from '../useChangeCount.ts';

export function UserAccessMark({ granted }: { granted: boolean }) {
  const changes = useChangeCount(granted);
  if (!granted) return null;
  return (
    <span key={changes} className={`${changes > 0 ? 'access-flash' : ''} rounded bg-fuchsia-600 px-1.5 py-px text-[10px] font-bold tracking-wide text-white`} title="userspace can reach this device through a device fd">
      USER ACCESS
    </span>
  );
}
