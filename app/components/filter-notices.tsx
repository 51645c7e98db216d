// What a figures page could not apply of the filters asked for, and what it shows instead: said
// above the figures, so that a wrong filter is never read as the figures asked for.
export function FilterNotices({ notices }: { notices: string[] }) {
  if (notices.length === 0) return null;
  return (
    <div
      role="status"
      className="mb-6 rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-950"
    >
      <p className="font-semibold">
        {notices.length > 1
          ? "Des filtres n'ont pas pu être appliqués tels quels :"
          : "Un filtre n'a pas pu être appliqué tel quel :"}
      </p>
      <ul className="list-disc pl-6">
        {notices.map((notice) => (
          <li key={notice}>{notice}</li>
        ))}
      </ul>
    </div>
  );
}
