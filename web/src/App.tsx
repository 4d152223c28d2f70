import { lazy, Suspense, type ReactNode } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router";
import { useAuth } from "./auth/context";
import { PageLoader } from "./shell/PageLoader";
import { Shell } from "./shell/Shell";

// Each page is its own chunk: the first visit loads only the shell and the page it opens.
const SignInPage = lazy(() => import("./pages/SignInPage"));
const NotFoundPage = lazy(() => import("./pages/NotFoundPage"));
const PatientsPage = lazy(() => import("./patients/PatientsPage"));
const PatientPage = lazy(() => import("./patients/PatientPage"));
const NewPatientPage = lazy(() => import("./patients/NewPatientPage"));
const EditPatientPage = lazy(() => import("./patients/EditPatientPage"));

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
          <Route index element={<Navigate to="/patients" replace />} />
          <Route path="patients" element={<PatientsPage />} />
          <Route path="patients/new" element={<NewPatientPage />} />
          <Route path="patients/:id" element={<PatientPage />} />
          <Route path="patients/:id/edit" element={<EditPatientPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
