/**
 * The shell: header with navigation and wallet, the wrong-network banner, the routed page.
 */
import { lazy, Suspense, useEffect, useRef, useSyncExternalStore } from "react";
import type { ComponentType, LazyExoticComponent } from "react";

import { ConnectPanel } from "./components/ConnectPanel.tsx";
import { NetworkBanner } from "./components/NetworkBanner.tsx";
import { ReadPath } from "./components/ReadPath.tsx";
import { useChainWatcher, useConcord, useDirectory, useScanProgress, useViewer } from "./concord.tsx";
import { setNameHints } from "./lib/errors.ts";
import { parseRoute } from "./lib/route.ts";
import type { Route } from "./lib/route.ts";
import { CellsPage } from "./pages/CellsPage.tsx";
import { Dashboard } from "./pages/dashboard/Dashboard.tsx";
import { devAccounts } from "./wallet/devWallet.ts";

/**
 * A page loaded on first visit, from its own chunk, to keep the first-load JavaScript small (the
 * agreements, resources and governance pages).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React's lazy() takes ComponentType<any> too
function lazyPage<module extends Record<name, ComponentType<any>>, name extends keyof module & string>(
  load: () => Promise<module>,
  name: name,
): LazyExoticComponent<module[name]> {
  return lazy(() => load().then((pages) => ({ default: pages[name] })));
}

const NewCellPage = lazyPage(() => import("./pages/NewCellPage.tsx"), "NewCellPage");
const AgreementsPage = lazyPage(() => import("./pages/agreements/AgreementsPage.tsx"), "AgreementsPage");
const NewAgreementPage = lazyPage(
  () => import("./pages/agreements/NewAgreementPage.tsx"),
  "NewAgreementPage",
);
const AgreementPage = lazyPage(() => import("./pages/agreements/AgreementPage.tsx"), "AgreementPage");
const ResourcesPage = lazyPage(() => import("./pages/resources/index.ts"), "ResourcesPage");
const NewResourcePage = lazyPage(() => import("./pages/resources/index.ts"), "NewResourcePage");
const ResourcePage = lazyPage(() => import("./pages/resources/index.ts"), "ResourcePage");
const CellPage = lazyPage(() => import("./pages/cell/CellPage.tsx"), "CellPage");
const ProposalsPage = lazyPage(() => import("./pages/governance/index.ts"), "ProposalsPage");
const NewProposalPage = lazyPage(() => import("./pages/governance/index.ts"), "NewProposalPage");
const ProposalPage = lazyPage(() => import("./pages/governance/index.ts"), "ProposalPage");
const MembersPage = lazyPage(() => import("./pages/members/MembersPage.tsx"), "MembersPage");
const LocalChainControl = lazyPage(() => import("./components/LocalChainControl.tsx"), "LocalChainControl");
const TreasuryPage = lazyPage(() => import("./pages/governance/index.ts"), "TreasuryPage");

/** The main navigation, and the screens each entry covers (for `aria-current`). */
const NAVIGATION: readonly { href: string; label: string; routes: readonly Route["name"][] }[] = [
  { href: "#/", label: "Dashboard", routes: ["dashboard"] },
  { href: "#/cells", label: "Cells", routes: ["cells", "cell", "newCell"] },
  { href: "#/agreements", label: "Agreements", routes: ["agreements", "agreement", "newAgreement"] },
  { href: "#/resources", label: "Resources", routes: ["resources", "resource", "newResource"] },
  { href: "#/proposals", label: "Governance", routes: ["proposals", "proposal", "newProposal", "treasury"] },
  { href: "#/members", label: "Members", routes: ["members"] },
];

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
    case "members":
      return <MembersPage />;
    case "treasury":
      return <TreasuryPage />;
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

/** One line while the app reads a long history from the chain (direct reads behind a block limit). */
function ScanProgressLine() {
  const progress = useScanProgress();
  return (
    progress && (
      <p className="muted" role="status" data-testid="scan-progress">
        Reading the chain's history: {String((progress.scanned * 100n) / progress.total)}% (
        {progress.scanned.toLocaleString("en")} of {progress.total.toLocaleString("en")} blocks)
      </p>
    )
  );
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

  // Messages name what the app knows: "Infra", not "cell 2"; "Erin (0x15d3…6A65)"; "you".
  const viewer = useViewer();
  const { data: directory } = useDirectory();
  useEffect(() => {
    const accounts = app.isLocal ? devAccounts.map((dev) => dev.address) : [];
    setNameHints({
      cellName: (id) => directory?.byId.get(id)?.name ?? null,
      accountName: viewer.nameOf,
      accounts: viewer.account ? [viewer.account, ...accounts] : accounts,
      you: viewer.account,
    });
  }, [app.isLocal, directory, viewer.account, viewer.nameOf]);

  const registry = app.deployment.contracts.CellRegistry?.address;
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
          {NAVIGATION.map((entry) => (
            <a
              key={entry.href}
              href={entry.href}
              aria-current={entry.routes.includes(route.name) ? "page" : undefined}
            >
              {entry.label}
            </a>
          ))}
        </nav>
        <ConnectPanel />
      </header>
      <NetworkBanner />
      <ScanProgressLine />
      <main ref={main} tabIndex={-1} id="main">
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <Page route={route} />
        </Suspense>
      </main>
      <footer className="muted">
        {app.isLocal && (
          <Suspense fallback={null}>
            <LocalChainControl />
          </Suspense>
        )}
        {app.chainName} · chain id {app.chainId} · CellRegistry <code>{registry}</code> · <ReadPath />
      </footer>
    </>
  );
}
