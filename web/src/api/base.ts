/**
 * Where the API is: `VITE_API_URL` on AWS (API Gateway, another origin than the CloudFront site), the
 * dashboard's own origin locally. A value SST left as its `{{ … }}` placeholder counts as unset.
 */
export const apiBase = (() => {
  const configured = import.meta.env.VITE_API_URL?.trim() ?? "";
  return configured.startsWith("{{") ? "" : configured.replace(/\/+$/, "");
})();
