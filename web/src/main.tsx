import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App } from "./App.tsx";
import { meQuery } from "./api/auth.ts";
import { ApiError, setRenewer } from "./api/client.ts";
import { renewSession } from "./api/renew.ts";
import { claimsOf, tokenStore } from "./api/token.ts";
import "./i18n/index.ts";
import "./styles.css";
import "./setup.css";
import "./units-import.css";
import "./cycle.css";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will answer the same again; only network trouble and 5xx are worth retrying.
      retry: (failures, error) =>
        failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

setRenewer(renewSession);

// A different user (or none) must never see the previous user's cached data. A renewed token is the same
// user's, but may carry a new role or unit: who they are is asked again.
const userOf = () => (tokenStore.token() ? (claimsOf(tokenStore.token()).sub ?? tokenStore.token()) : null);
let lastUser = userOf();
let lastToken = tokenStore.token();
tokenStore.subscribe(() => {
  if (userOf() !== lastUser) queryClient.clear();
  else if (tokenStore.token() !== lastToken) void queryClient.invalidateQueries({ queryKey: meQuery().queryKey });
  lastUser = userOf();
  lastToken = tokenStore.token();
});

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
