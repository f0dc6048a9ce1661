/**
 * "One canonical view of what is happening": the connected member's sections, then the whole DAO's.
 * Each section is one component in `sections.tsx`: later modules (agreements, leases, proposals) add
 * theirs there.
 */
import { useEffect } from "react";

import { useDaoEvents, useDirectory, useViewer } from "../../concord.tsx";
import { useDaoState } from "../../data/queries.ts";
import { explainError } from "../../lib/errors.ts";
import { daoSections, memberSections } from "./sections.tsx";

let marked = false;

export function Dashboard() {
  const viewer = useViewer();
  const directory = useDirectory();
  const events = useDaoEvents();
  const state = useDaoState();
  const ready = directory.isSuccess && events.isSuccess && state.isSuccess;
  const failure = directory.error ?? events.error ?? state.error;

  useEffect(() => {
    // For the measures (app/scripts/measure.ts): when the demo dashboard first shows everything.
    if (ready && !marked) {
      marked = true;
      performance.mark("concord:dashboard-ready");
    }
  }, [ready]);

  return (
    <div className="dashboard" data-testid="dashboard" data-ready={ready ? "true" : "false"}>
      <h1>What is happening</h1>
      {failure && (
        <p className="error" role="alert">
          Cannot read the chain: {explainError(failure).message}
        </p>
      )}
      {viewer.account ? (
        <div className="sections member">
          {memberSections.map(({ id, title, Component }) => (
            <section key={id} className="card" aria-labelledby={`section-${id}`} data-section={id}>
              <h2 id={`section-${id}`}>{title}</h2>
              <Component />
            </section>
          ))}
        </div>
      ) : (
        <p className="intro">
          Connect to see your cells, your roles and what waits for you. Everyone can read the whole DAO below.
        </p>
      )}
      <div className="sections dao">
        {daoSections.map(({ id, title, Component }) => (
          <section key={id} className="card" aria-labelledby={`section-${id}`} data-section={id}>
            <h2 id={`section-${id}`}>{title}</h2>
            <Component />
          </section>
        ))}
      </div>
    </div>
  );
}
