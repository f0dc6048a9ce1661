import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/**
 * Deploys Concord's registries. Governance starts with the deployer (or the `governance` parameter)
 * and is handed to the timelock by the governance module once it exists.
 */
export default buildModule("Concord", (m) => {
  const governance = m.getParameter("governance", m.getAccount(0));
  const cellRegistry = m.contract("CellRegistry", [governance]);
  const agreementRegistry = m.contract("AgreementRegistry", [cellRegistry]);
  const resourceLeases = m.contract("ResourceLeases", [cellRegistry]);
  return { cellRegistry, agreementRegistry, resourceLeases };
});
