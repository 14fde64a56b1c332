import "i18next";
import type vi from "./vi.json";

// Typed keys: t("nav.tenants") compiles, a typo does not. Vietnamese is the reference language.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof vi };
  }
}
