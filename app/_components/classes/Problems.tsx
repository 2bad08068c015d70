// The server's sentences about a refused form, announced to screen readers.
export function Problems({ problems }: { problems: string[] }) {
  if (problems.length === 0) return null;
  return (
    <ul role="alert" className="list-disc pl-6 text-red-700 dark:text-red-300">
      {problems.map((problem) => <li key={problem}>{problem}</li>)}
    </ul>
  );
}
