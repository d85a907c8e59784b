// A labelled text box that also takes a dropped (or chosen) text file. Its content is only ever
// shown as text. A saved scenario or exported PNG goes to `onScenarioFile` instead, when given.
import { useId, useState, type DragEvent } from 'react';
import { isScenarioFile } from '../export/openScenarioFile.ts';

/** Above this many characters the text is kept but not put in the text box (1 Mi: about 20,000 lines). */
const LARGE_TEXT_CHARS = 1024 * 1024;

interface Props {
  label: string;
  hint: string;
  value: string;
  onChange: (text: string, fileName: string | null) => void;
  testId: string;
  rows: number;
  autoFocus?: boolean;
  onScenarioFile?: (file: File) => void;
}

export function TextDrop({ label, hint, value, onChange, testId, rows, autoFocus = false, onScenarioFile }: Props) {
  const id = useId();
  const [over, setOver] = useState(false);
  const readFile = (file: File | undefined) => {
    if (file && onScenarioFile && isScenarioFile(file)) onScenarioFile(file);
    else if (file) void file.text().then((text) => onChange(text, file.name));
  };
  const dropHandlers = {
    onDragOver: (e: DragEvent) => {
      e.preventDefault();
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setOver(false);
      readFile(e.dataTransfer.files[0]);
    },
  };
  const frame = `w-full rounded border px-2 py-1 font-mono text-[12px] leading-4 text-slate-900 ${over ? 'border-indigo-500 bg-indigo-50' : 'border-slate-300 bg-white'}`;
  return (
    <div className="flex min-h-0 flex-col gap-1">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm font-semibold text-slate-800">
          {label}
        </label>
        <label className="cursor-pointer text-[12px] text-indigo-700 underline decoration-indigo-300 underline-offset-2">
          choose a file
          <input type="file" accept={onScenarioFile ? '.txt,text/plain,.json,.png' : '.txt,text/plain'} className="sr-only" onChange={(e) => readFile(e.target.files?.[0])} />
        </label>
      </div>
      <p className="font-mono text-[11px] text-slate-500">{hint}</p>
      {value.length > LARGE_TEXT_CHARS ? (
        // A text box holding tens of MB freezes the page for minutes; the text is kept, not shown.
        <div id={id} data-testid={`${testId}-large`} {...dropHandlers} style={{ minHeight: `${rows}rem` }} className={`${frame} flex flex-col items-start gap-2 font-sans text-[13px]`}>
          <p>
            {(value.length / 1024 / 1024).toFixed(1)} MB of text: too large to show here. It is read as it is when you check or load it.
          </p>
          <button type="button" onClick={() => onChange('', null)} className="rounded border border-slate-300 px-2 py-0.5 text-slate-700 hover:bg-slate-100">
            Clear it
          </button>
        </div>
      ) : (
        <textarea
          id={id}
          data-testid={testId}
          value={value}
          rows={rows}
          autoFocus={autoFocus}
          spellCheck={false}
          wrap="off"
          onChange={(e) => onChange(e.target.value, null)}
          onPaste={(e) => {
            // A huge paste goes to the draft directly instead of through the text box.
            const pasted = e.clipboardData.getData('text/plain');
            if (pasted.length <= LARGE_TEXT_CHARS) return;
            e.preventDefault();
            onChange(pasted, null);
          }}
          {...dropHandlers}
          className={`${frame} resize-y overflow-auto whitespace-pre`}
          placeholder="paste here, or drop a text file"
        />
      )}
    </div>
  );
}
