import { Navigate, Route, Routes } from "react-router";
import { Layout } from "./components/Layout.tsx";
import { homePath, pages } from "./navigation.ts";
import { AccountPage } from "./pages/AccountPage.tsx";
import { SignInPage } from "./pages/SignInPage.tsx";
import { TenantsPage } from "./pages/TenantsPage.tsx";
import { RequireRole } from "./session/RequireRole.tsx";
import { RequireSession } from "./session/RequireSession.tsx";
import { useActor } from "./session/session.tsx";

function Home() {
  return <Navigate to={homePath(useActor().role)} replace />;
}

export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route element={<RequireSession />}>
        <Route element={<Layout />}>
          <Route index element={<Home />} />
          <Route path={pages.account.path} element={<AccountPage />} />
          <Route
            path={pages.tenants.path}
            element={
              <RequireRole roles={pages.tenants.roles}>
                <TenantsPage />
              </RequireRole>
            }
          />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Route>
    </Routes>
  );
}
