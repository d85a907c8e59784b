// A modal dialog on the browser's own <dialog>: showModal() puts it above everything (toasts
// included), makes the rest of the page inert so Tab stays inside, and Escape closes it. Focus goes
// back where it was when the dialog closes.
import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  labelledBy: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
  /** Classes of the dialog's box (layout and gaps of its content). */
  className?: string;
}

export function ModalDialog({ labelledBy, testId, onClose, children, className = '' }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      dialog.close();
      before?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      // A press on the backdrop lands on the <dialog> itself; its content is all inside the box.
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
      className="mx-auto my-6 max-h-[calc(100vh-3rem)] w-[calc(100%-3rem)] max-w-4xl overflow-y-auto rounded-lg bg-white p-0 shadow-2xl backdrop:bg-slate-900/40"
    >
      <div className={`flex flex-col p-5 ${className}`}>{children}</div>
    </dialog>
  );
}
