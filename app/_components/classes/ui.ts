// Class names shared by the teaching and class pages, so they look alike.
export const linkClass = "text-blue-700 underline underline-offset-2 hover:no-underline dark:text-blue-300";
export const buttonClass =
  "inline-flex items-center justify-center rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-60";
export const secondaryButtonClass =
  "inline-flex items-center justify-center rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-60 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800";
export const dangerButtonClass =
  "inline-flex items-center justify-center rounded-md border border-red-700 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 disabled:opacity-60 dark:border-red-400 dark:text-red-300 dark:hover:bg-red-950";
export const inputClass = "mt-1 w-full rounded-md border border-slate-400 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950";
export const cardClass = "rounded-lg border border-slate-200 p-4 dark:border-slate-800";
export const mutedClass = "text-sm text-slate-600 dark:text-slate-400";
