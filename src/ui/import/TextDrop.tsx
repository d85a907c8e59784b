// A labelled text box that also takes a dropped (or chosen) text file. Its content is only ever
// shown as text.
import { useId, useState } from 'react';

interface Props {
  label: string;
  hint: string;
  value: string;
  onChange: (text: string, fileName: string | null) => void;
  testId: string;
  rows: number;
  autoFocus?: boolean;
}

export function TextDrop({ label, hint, value, onChange, testId, rows, autoFocus = false }: Props) {
  const id = useId();
  const [over, setOver] = useState(false);
  const readFile = (file: File | undefined) => {
    if (file) void file.text().then((text) => onChange(text, file.name));
  };
  return (
    <div className="flex min-h-0 flex-col gap-1">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm font-semibold text-slate-800">
          {label}
        </label>
        <label className="cursor-pointer text-[12px] text-indigo-700 underline decoration-indigo-300 underline-offset-2">
          choose a file
          <input type="file" accept=".txt,text/plain" className="sr-only" onChange={(e) => readFile(e.target.files?.[0])} />
        </label>
      </div>
      <p className="font-mono text-[11px] text-slate-500">{hint}</p>
      <textarea
        id={id}
        data-testid={testId}
        value={value}
        rows={rows}
        autoFocus={autoFocus}
        spellCheck={false}
        wrap="off"
        onChange={(e) => onChange(e.target.value, null)}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          readFile(e.dataTransfer.files[0]);
        }}
        className={`w-full resize-y overflow-auto whitespace-pre rounded border px-2 py-1 font-mono text-[12px] leading-4 text-slate-900 ${over ? 'border-indigo-500 bg-indigo-50' : 'border-slate-300 bg-white'}`}
        placeholder="paste here, or drop a text file"
      />
    </div>
  );
}
