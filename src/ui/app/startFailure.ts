// What the page shows when it cannot start at all, written with the DOM alone: the failure may be
// that the app's React part did not load.

/** Replaces the page's content with the reason and how to start clean. */
export function showStartFailure(element: HTMLElement, reason: string): void {
  const alert = document.createElement('div');
  alert.setAttribute('role', 'alert');
  alert.dataset.testid = 'start-failed';
  alert.className = 'm-8 max-w-2xl rounded-lg border border-rose-300 bg-rose-50 p-4 text-sm text-rose-900';
  const what = document.createElement('p');
  what.className = 'font-semibold';
  what.textContent = `The explorer could not start: ${reason}`;
  const how = document.createElement('p');
  how.className = 'mt-2';
  how.textContent = `Reload the page; if it fails again, open it without anything after the address (${window.location.origin + window.location.pathname}).`;
  alert.append(what, how);
  element.replaceChildren(alert);
}
