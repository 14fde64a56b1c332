/** A polite loading notice; `page` centres it in the viewport. */
export function Loading({ label, page = false }: { label: string; page?: boolean }) {
  return (
    <p className={page ? "loading page-center" : "loading"} role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}
