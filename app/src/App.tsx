/**
 * The shell: header with navigation and wallet, the wrong-network banner, the routed page.
 */
import { lazy, Suspense, useEffect, useRef, useSyncExternalStore } from "react";

import { ConnectPanel } from "./components/ConnectPanel.tsx";
import { NetworkBanner } from "./components/NetworkBanner.tsx";
import { useChainWatcher, useConcord } from "./concord.tsx";
import { parseRoute } from "./lib/route.ts";
import type { Route } from "./lib/route.ts";
import { CellPage } from "./pages/cell/CellPage.tsx";
import { CellsPage } from "./pages/CellsPage.tsx";
import { Dashboard } from "./pages/dashboard/Dashboard.tsx";
import { NewCellPage } from "./pages/NewCellPage.tsx";

// Loaded on first visit, to keep the first-load JavaScript small.
const AgreementsPage = lazy(() =>
  import("./pages/agreements/AgreementsPage.tsx").then((m) => ({ default: m.AgreementsPage })),
);
const NewAgreementPage = lazy(() =>
  import("./pages/agreements/NewAgreementPage.tsx").then((m) => ({ default: m.NewAgreementPage })),
);
const AgreementPage = lazy(() =>
  import("./pages/agreements/AgreementPage.tsx").then((m) => ({ default: m.AgreementPage })),
);
// The resources pages load on first visit (their own chunk): the dashboard's first load stays small.
const ResourcesPage = lazy(() =>
  import("./pages/resources/index.ts").then((pages) => ({ default: pages.ResourcesPage })),
);
const NewResourcePage = lazy(() =>
  import("./pages/resources/index.ts").then((pages) => ({ default: pages.NewResourcePage })),
);
const ResourcePage = lazy(() =>
  import("./pages/resources/index.ts").then((pages) => ({ default: pages.ResourcePage })),
);
// The governance pages: their own chunk, loaded on first visit.
const ProposalsPage = lazy(() =>
  import("./pages/governance/index.ts").then((pages) => ({ default: pages.ProposalsPage })),
);
const NewProposalPage = lazy(() =>
  import("./pages/governance/index.ts").then((pages) => ({ default: pages.NewProposalPage })),
);
const ProposalPage = lazy(() =>
  import("./pages/governance/index.ts").then((pages) => ({ default: pages.ProposalPage })),
);

function subscribe(onChange: () => void) {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case "dashboard":
      return <Dashboard />;
    case "cells":
      return <CellsPage />;
    case "newCell":
      return <NewCellPage parentId={route.parentId} />;
    case "cell":
      return <CellPage key={String(route.id)} cellId={route.id} />;
    case "agreements":
      return <AgreementsPage key={String(route.cellId)} cellId={route.cellId} />;
    case "newAgreement":
      return <NewAgreementPage cells={route.cells} />;
    case "agreement":
      return <AgreementPage key={String(route.id)} agreementId={route.id} />;
    case "resources":
      return <ResourcesPage />;
    case "newResource":
      return <NewResourcePage cellId={route.cellId} />;
    case "resource":
      return <ResourcePage key={String(route.id)} resourceId={route.id} />;
    case "proposals":
      return <ProposalsPage />;
    case "newProposal":
      return <NewProposalPage />;
    case "proposal":
      return <ProposalPage key={String(route.id)} proposalId={route.id} />;
    case "notFound":
      return (
        <section>
          <h1>Nothing here</h1>
          <p>
            There is no page at <code>{route.path}</code>. <a href="#/">Back to the dashboard</a>.
          </p>
        </section>
      );
  }
}

export function App() {
  useChainWatcher();
  const { app } = useConcord();
  const route = useHashRoute();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const routeKey = JSON.stringify(route, (_key, value) =>
    typeof value === "bigint" ? String(value) : value,
  );

  // After navigation, move focus to the page (keyboard and screen-reader users start at its heading).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    main.current?.focus();
  }, [routeKey]);

  const registry = app.deployment.contracts.CellRegistry?.address;
  const current =
    route.name === "cell" || route.name === "newCell"
      ? "cells"
      : route.name === "agreement" || route.name === "newAgreement"
        ? "agreements"
        : route.name === "resource" || route.name === "newResource"
          ? "resources"
          : route.name === "proposal" || route.name === "newProposal"
            ? "proposals"
            : route.name;
  return (
    <>
      <button type="button" className="skip-link" onClick={() => main.current?.focus()}>
        Skip to content
      </button>
      <header className="top">
        <a href="#/" className="brand">
          Concord
        </a>
        <nav aria-label="Main">
          <a href="#/" aria-current={current === "dashboard" ? "page" : undefined}>
            Dashboard
          </a>
          <a href="#/cells" aria-current={current === "cells" ? "page" : undefined}>
            Cells
          </a>
          <a href="#/agreements" aria-current={current === "agreements" ? "page" : undefined}>
            Agreements
          </a>
          <a href="#/resources" aria-current={current === "resources" ? "page" : undefined}>
            Resources
          </a>
          <a href="#/proposals" aria-current={current === "proposals" ? "page" : undefined}>
            Governance
          </a>
        </nav>
        <ConnectPanel />
      </header>
      <NetworkBanner />
      <main ref={main} tabIndex={-1} id="main">
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <Page route={route} />
        </Suspense>
      </main>
      <footer className="muted">
        {app.chainName} · chain id {app.chainId} · CellRegistry <code>{registry}</code>
      </footer>
    </>
  );
}
