import type { InputHTMLAttributes, ReactNode } from "react";

/*
 * The fields of a list's filter form (a GET form: /anvandare, /logg): a label over an input or a select, and a hint
 * the control is described by. Server-rendered, no JavaScript; the form fields of react-hook-form forms are
 * components/ui/text-field.tsx and select-field.tsx.
 */

const CONTROL = "min-h-11 rounded-md border border-slate-500 bg-white px-2";

type Common = { id: string; label: string; hint?: string };

function Shell({ id, label, hint, children }: Common & { children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A text, search, date or number filter; its name is its id. */
export function FilterInput({ id, label, hint, ...input }: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "className">) {
  return (
    <Shell id={id} label={label} hint={hint}>
      <input id={id} name={id} aria-describedby={hint ? `${id}-hint` : undefined} className={CONTROL} {...input} />
    </Shell>
  );
}

/** A choice among options, the first one "any" (the empty value). */
export function FilterSelect({
  id,
  label,
  hint,
  any,
  options,
  defaultValue,
}: Common & { any: string; options: readonly { value: string | number; label: string }[]; defaultValue: string | number }) {
  return (
    <Shell id={id} label={label} hint={hint}>
      <select id={id} name={id} defaultValue={defaultValue} aria-describedby={hint ? `${id}-hint` : undefined} className={CONTROL}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}
