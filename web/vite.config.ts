import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The root node_modules holds React 18 (pulled in by SST's CLI); bundle the web's own React 19 only.
    dedupe: ["react", "react-dom"],
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
});
