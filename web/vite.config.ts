import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/** The files of Swagger UI the API reference page loads, copied as they are into `dist/api-reference/`. */
function apiReferenceAssets(): Plugin {
  const dir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  return {
    name: "api-reference-assets",
    apply: "build",
    generateBundle() {
      for (const file of ["swagger-ui-bundle.js", "swagger-ui.css"])
        this.emitFile({ type: "asset", fileName: `api-reference/${file}`, source: readFileSync(join(dir, file)) });
    },
  };
}

export default defineConfig({
  plugins: [react(), apiReferenceAssets()],
  resolve: {
    // The root node_modules holds React 18 (pulled in by SST's CLI); bundle the web's own React 19 only.
    dedupe: ["react", "react-dom"],
  },
  build: {
    rollupOptions: { input: { main: "index.html", reference: "api-reference.html" } },
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
});
