import { lazy, Suspense, type ReactNode } from "react";
import { Alert } from "@mantine/core";
import { Navigate, Outlet, Route, Routes, useLocation } from "react-router";
import { useAuth } from "./auth/context";
import { PageLoader } from "./shell/PageLoader";
import { Shell } from "./shell/Shell";
import { RequireAnalyticsRole } from "./analytics/RequireAnalyticsRole";
import { RequireAdmin } from "./admin/RequireAdmin";

// Each page is its own chunk: the first visit loads only the shell and the page it opens.
const SignInPage = lazy(() => import("./pages/SignInPage"));
const NotFoundPage = lazy(() => import("./pages/NotFoundPage"));
const PatientsPage = lazy(() => import("./patients/PatientsPage"));
const PatientPage = lazy(() => import("./patients/PatientPage"));
const NewPatientPage = lazy(() => import("./patients/NewPatientPage"));
const EditPatientPage = lazy(() => import("./patients/EditPatientPage"));
const AnalyticsPage = lazy(() => import("./analytics/AnalyticsPage"));
const SessionRecorderPage = lazy(() => import("./sessions/SessionRecorderPage"));
const SessionPage = lazy(() => import("./sessions/SessionPage"));
const OutcomesPage = lazy(() => import("./outcomes/OutcomesPage"));
const SerumsPage = lazy(() => import("./admin/SerumsPage"));
const SerumPage = lazy(() => import("./admin/SerumPage"));
const LotTracePage = lazy(() => import("./admin/LotTracePage"));
const SitesPage = lazy(() => import("./admin/SitesPage"));
const UsersPage = lazy(() => import("./admin/UsersPage"));
const SettingsPage = lazy(() => import("./admin/SettingsPage"));
const AuditPage = lazy(() => import("./admin/AuditPage"));
const TodayPage = lazy(() => import("./today/TodayPage"));
const NewConsultationPage = lazy(() => import("./consultations/NewConsultationPage"));
const ConsultationPage = lazy(() => import("./consultations/ConsultationPage"));
const PlanBuilderPage = lazy(() => import("./plans/PlanBuilderPage"));
const PlanPage = lazy(() => import("./plans/PlanPage"));

/** Home is the practitioner's Today; analysts work with de-identified outcomes. */
function Home() {
  const { me } = useAuth();
  return me?.role === "ANALYST" ? <Navigate to="/analytics" replace /> : <TodayPage />;
}

function RequireSignIn({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  const location = useLocation();
  if (status === "loading") return <PageLoader />;
  if (status === "signed-out") {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  return children;
}

/** Identified patient records are for practitioners and clinic admins; analysts see de-identified data only. */
function RequireClinicalRole({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  if (me?.role === "ANALYST")
    return (
      <Alert color="gray" title="Patient records are not available to analysts" maw={640}>
        Analysts work with de-identified outcome data only, so identified patient records are not shown for
        this role.
      </Alert>
    );
  return children;
}

export function App() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route
          element={
            <RequireSignIn>
              <Shell />
            </RequireSignIn>
          }
        >
          <Route index element={<Home />} />
          <Route
            path="patients"
            element={
              <RequireClinicalRole>
                <Outlet />
              </RequireClinicalRole>
            }
          >
            <Route index element={<PatientsPage />} />
            <Route path="new" element={<NewPatientPage />} />
            <Route path=":id" element={<PatientPage />} />
            <Route path=":id/edit" element={<EditPatientPage />} />
            <Route path=":id/sessions/new" element={<SessionRecorderPage />} />
            <Route path=":id/sessions/:sessionId" element={<SessionPage />} />
            <Route path=":id/outcomes" element={<OutcomesPage />} />
            <Route path=":id/consultations/new" element={<NewConsultationPage />} />
            <Route path=":id/consultations/:consultationId" element={<ConsultationPage />} />
            <Route path=":id/plans/new" element={<PlanBuilderPage />} />
            <Route path=":id/plans/:planId" element={<PlanPage />} />
          </Route>
          <Route
            path="analytics"
            element={
              <RequireAnalyticsRole>
                <AnalyticsPage />
              </RequireAnalyticsRole>
            }
          />
          <Route path="admin" element={<RequireAdmin />}>
            <Route index element={<Navigate to="/admin/serums" replace />} />
            <Route path="serums" element={<SerumsPage />} />
            <Route path="serums/new" element={<SerumPage />} />
            <Route path="serums/:serumId" element={<SerumPage />} />
            <Route path="lot-trace" element={<LotTracePage />} />
            <Route path="sites" element={<SitesPage />} />
            <Route path="users" element={<UsersPage />} />
            <Route path="settings" element={<SettingsPage />} />
            <Route path="audit" element={<AuditPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
