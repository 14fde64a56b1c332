import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * The files of Swagger UI the API reference page loads: copied as they are into `dist/api-reference/`,
 * and served from the package under `vite dev`.
 */
function apiReferenceAssets(): Plugin {
  const dir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  const files = ["swagger-ui-bundle.js", "swagger-ui.css"];
  return {
    name: "api-reference-assets",
    generateBundle() {
      for (const file of files)
        this.emitFile({ type: "asset", fileName: `api-reference/${file}`, source: readFileSync(join(dir, file)) });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const file = files.find((f) => req.url === `/api-reference/${f}`);
        if (!file) return next();
        res.setHeader("content-type", file.endsWith(".css") ? "text/css" : "text/javascript");
        res.end(readFileSync(join(dir, file)));
      });
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
    // `API_PORT` when the local runtime listens elsewhere than 3000 (`PORT=3100 npm run dev`).
    proxy: { "/api": `http://127.0.0.1:${process.env.API_PORT ?? 3000}` },
  },
});
