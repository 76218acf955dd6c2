import { useEffect, useState, type ReactNode } from "react";

/** Renders `children` only after hydration (SurveyJS and charts draw in the browser). */
export function ClientOnly({ children, fallback = null }: { children: () => ReactNode; fallback?: ReactNode }) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return <>{hydrated ? children() : fallback}</>;
}
