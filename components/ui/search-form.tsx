import { buttonClasses } from "./button";
import Link from "./link";

/*
 * A list's one-field search (/organisationer, /personuppgifter, the merge page): a GET form, so the search is in the
 * address and works without JavaScript; the field is "sok" and its hint describes it. Lists with several filters
 * use components/ui/filter-field.tsx.
 */
export function SearchForm({
  action,
  label,
  hint,
  defaultValue,
  submit,
  clear,
}: {
  action: string;
  label: string;
  hint: string;
  defaultValue: string;
  submit: string;
  /** A link back to the whole list, shown while a search is on. */
  clear?: { href: string; label: string };
}) {
  return (
    <form method="get" action={action} role="search" className="mb-4 flex flex-wrap items-end gap-3 rounded-md border border-slate-300 bg-slate-50 p-4">
      <div className="flex min-w-64 flex-1 flex-col gap-1">
        <label htmlFor="sok" className="font-medium">
          {label}
        </label>
        <input id="sok" name="sok" type="search" defaultValue={defaultValue} aria-describedby="sok-hint" className="min-h-11 rounded-md border border-slate-500 px-3" />
        <p id="sok-hint" className="text-sm text-slate-700">
          {hint}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3 pb-7">
        <button type="submit" className={buttonClasses("primary")}>
          {submit}
        </button>
        {clear && defaultValue ? (
          <Link href={clear.href} className={buttonClasses("link")}>
            {clear.label}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
