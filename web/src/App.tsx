import { lazy, type ReactNode, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Route, Routes } from "react-router";
import { Layout } from "./components/Layout.tsx";
import { Loading } from "./components/Loading.tsx";
import { homePath, pages } from "./navigation.ts";
import { AccountPage } from "./pages/AccountPage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { SignInPage } from "./pages/SignInPage.tsx";
import { TenantsPage } from "./pages/TenantsPage.tsx";
import { RequireRole } from "./session/RequireRole.tsx";
import { RequireSession } from "./session/RequireSession.tsx";
import { useActor } from "./session/session.tsx";

// The province set-up pages load when first opened: the first screen (sign-in) stays small.
const ForgotPasswordPage = lazy(() =>
  import("./pages/ForgotPasswordPage.tsx").then((m) => ({ default: m.ForgotPasswordPage })),
);
const PasswordLinkPage = lazy(() =>
  import("./pages/PasswordLinkPage.tsx").then((m) => ({ default: m.PasswordLinkPage })),
);
const AuditPage = lazy(() => import("./pages/AuditPage.tsx").then((m) => ({ default: m.AuditPage })));
const AwardTypesPage = lazy(() => import("./pages/AwardTypesPage.tsx").then((m) => ({ default: m.AwardTypesPage })));
const BlocPage = lazy(() => import("./pages/BlocPage.tsx").then((m) => ({ default: m.BlocPage })));
const VotePage = lazy(() => import("./pages/VotePage.tsx").then((m) => ({ default: m.VotePage })));
const ProposalsPage = lazy(() => import("./pages/ProposalsPage.tsx").then((m) => ({ default: m.ProposalsPage })));
const YearPage = lazy(() => import("./pages/YearPage.tsx").then((m) => ({ default: m.YearPage })));
const NationalPage = lazy(() => import("./pages/NationalPage.tsx").then((m) => ({ default: m.NationalPage })));
const NationalProvincePage = lazy(() =>
  import("./pages/NationalProvincePage.tsx").then((m) => ({ default: m.NationalProvincePage })),
);
const OverviewPage = lazy(() => import("./pages/OverviewPage.tsx").then((m) => ({ default: m.OverviewPage })));
const BlocsPage = lazy(() => import("./pages/BlocsPage.tsx").then((m) => ({ default: m.BlocsPage })));
const ProvinceQuotasPage = lazy(() =>
  import("./pages/ProvinceQuotasPage.tsx").then((m) => ({ default: m.ProvinceQuotasPage })),
);
const RulesPage = lazy(() => import("./pages/RulesPage.tsx").then((m) => ({ default: m.RulesPage })));
const LetterheadPage = lazy(() => import("./pages/LetterheadPage.tsx").then((m) => ({ default: m.LetterheadPage })));
const PeoplePage = lazy(() => import("./pages/PeoplePage.tsx").then((m) => ({ default: m.PeoplePage })));
const PlatformPeoplePage = lazy(() =>
  import("./pages/PlatformPeoplePage.tsx").then((m) => ({ default: m.PlatformPeoplePage })),
);
const OutboxPage = lazy(() => import("./pages/OutboxPage.tsx").then((m) => ({ default: m.OutboxPage })));
const UnitsPage = lazy(() => import("./pages/UnitsPage.tsx").then((m) => ({ default: m.UnitsPage })));

function PageLoading() {
  return <Loading label={useTranslation().t("app.loading")} />;
}

/** A page seen before signing in, loaded when first opened. */
const lazyPublic = (element: ReactNode) => <Suspense fallback={<PageLoading />}>{element}</Suspense>;

function Home() {
  return <Navigate to={homePath(useActor().role)} replace />;
}

/** A page of `pages`, behind its roles. */
const guarded = (page: (typeof pages)[keyof typeof pages], element: ReactNode, path: string = page.path) => (
  <Route
    key={path}
    path={path}
    element={
      <RequireRole page={page}>
        <Suspense fallback={<PageLoading />}>{element}</Suspense>
      </RequireRole>
    }
  />
);

export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/accept-invitation" element={lazyPublic(<PasswordLinkPage purpose="invitation" />)} />
      <Route path="/reset-password" element={lazyPublic(<PasswordLinkPage purpose="reset" />)} />
      <Route path="/forgot-password" element={lazyPublic(<ForgotPasswordPage />)} />
      <Route element={<RequireSession />}>
        <Route element={<Layout />}>
          <Route index element={<Home />} />
          <Route path={pages.account.path} element={<AccountPage />} />
          {guarded(pages.national, <NationalPage />)}
          {guarded(pages.national, <NationalProvincePage />, `${pages.national.path}/:tenantId`)}
          {guarded(pages.tenants, <TenantsPage />)}
          {guarded(pages.blocs, <BlocsPage />)}
          {guarded(pages.blocs, <BlocPage />, `${pages.blocs.path}/:blocId`)}
          {guarded(pages.blocs, <YearPage />, `${pages.blocs.path}/:blocId/years/:year`)}
          {guarded(pages.blocs, <VotePage />, `${pages.blocs.path}/:blocId/years/:year/vote`)}
          {guarded(pages.overview, <OverviewPage />)}
          {guarded(pages.units, <UnitsPage />)}
          {guarded(pages.awardTypes, <AwardTypesPage />)}
          {guarded(pages.rules, <RulesPage />)}
          {guarded(pages.letterhead, <LetterheadPage />)}
          {guarded(pages.quotas, <ProvinceQuotasPage />)}
          {guarded(pages.proposals, <ProposalsPage />)}
          {guarded(pages.people, <PeoplePage />)}
          {guarded(pages.audit, <AuditPage />)}
          {guarded(pages.platformPeople, <PlatformPeoplePage />)}
          {guarded(pages.outbox, <OutboxPage />)}
          {guarded(pages.platformAudit, <AuditPage source="platform" />)}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
