import type { IgnitionModuleBuilder } from "@nomicfoundation/ignition-core";
import { keccak256, toFunctionSelector, toHex, zeroAddress } from "viem";

const DAY = 24 * 60 * 60;

/** TimelockController role ids. */
export const TIMELOCK_ROLES = {
  admin: `0x${"00".repeat(32)}` as const,
  proposer: keccak256(toHex("PROPOSER_ROLE")),
  executor: keccak256(toHex("EXECUTOR_ROLE")),
  canceller: keccak256(toHex("CANCELLER_ROLE")),
};

/**
 * The registry calls that the classifier lists as constitutional from the start: its governance powers and every
 * call that can change who holds a seat or which cells are recognised (S4), whoever administers the cells — so
 * that the operational house cannot rewrite its own seats even when the timelock stewards a cell tree.
 */
export const CONSTITUTIONAL_REGISTRY_SELECTORS = [
  toFunctionSelector("setRecognised(uint256,bool)"),
  toFunctionSelector("transferGovernance(address)"),
  toFunctionSelector("addMember(uint256,address,uint8)"),
  toFunctionSelector("setRoles(uint256,address,uint8)"),
  toFunctionSelector("removeMember(uint256,address)"),
  toFunctionSelector("approveJoin(uint256,address)"),
  toFunctionSelector("leave(uint256)"),
];

/**
 * Default Ignition parameters of the DAO (seconds, percent, basis points). Every one can be set per module
 * in a parameters file (`--parameters`), e.g. `{ "Concord": { "operationalDelay": 86400 } }`.
 */
export const DAO_DEFAULTS = {
  operationalVotingDelay: 1 * DAY,
  operationalVotingPeriod: 5 * DAY,
  operationalProposalThreshold: 1, // one seat
  operationalQuorumPercent: 50, // of the recognised cells at the snapshot
  operationalQuorumFloor: 2, // seats
  communityVotingDelay: 1 * DAY,
  communityVotingPeriod: 7 * DAY,
  communityProposalThreshold: 1, // one member
  communityQuorumPercent: 10, // of the votes token's supply at the snapshot
  communityQuorumFloor: 3, // votes
  lateQuorumExtension: 2 * DAY,
  vetoThresholdBps: 2_000, // 20 % of the community's supply at the operational proposal's snapshot
  operationalDelay: 2 * DAY, // timelock minimum delay = the community's veto window
  constitutionalDelay: 7 * DAY,
  guardian: zeroAddress as string, // none
};

/**
 * Adds the whole Concord DAO to an Ignition module: the cell registry, the agreement registry, resource
 * leases, the timelock, the classifier, both houses and (unless `existingVotesToken`) the membership token;
 * then hands every power to the timelock: the registry's governance, the token's ownership (at deployment),
 * the houses' governance; the timelock's proposer/executor is the operational house, its cancellers both houses,
 * and the deployer renounces the timelock's admin role. Afterwards no account holds any power.
 */
export function buildConcordDao(m: IgnitionModuleBuilder, options: { existingVotesToken: boolean }) {
  const deployer = m.getAccount(0);
  const p = <K extends keyof typeof DAO_DEFAULTS>(name: K) => m.getParameter(name, DAO_DEFAULTS[name]);

  // The registries first, so that their addresses do not depend on the governance contracts.
  const cellRegistry = m.contract("CellRegistry", [deployer]);
  const agreementRegistry = m.contract("AgreementRegistry", [cellRegistry]);
  const resourceLeases = m.contract("ResourceLeases", [cellRegistry]);

  const concordTimelock = m.contract("ConcordTimelock", [p("operationalDelay"), [], [], deployer], {
    after: [agreementRegistry, resourceLeases],
  });

  let votesToken;
  let concordMembership;
  if (options.existingVotesToken) {
    votesToken = m.getParameter<string>("votesToken");
  } else {
    concordMembership = m.contract("ConcordMembership", [
      m.getParameter("membershipName", "Concord Membership"),
      m.getParameter("membershipSymbol", "CONCORD"),
      concordTimelock,
      m.getParameter<string[]>("initialMembers", []),
    ]);
    votesToken = concordMembership;
  }

  const governanceClassifier = m.contract("GovernanceClassifier", [
    concordTimelock,
    [votesToken],
    CONSTITUTIONAL_REGISTRY_SELECTORS.map(() => cellRegistry),
    CONSTITUTIONAL_REGISTRY_SELECTORS,
  ]);

  const operationalHouse = m.contract("OperationalHouse", [
    cellRegistry,
    concordTimelock,
    governanceClassifier,
    {
      votingDelay: p("operationalVotingDelay"),
      votingPeriod: p("operationalVotingPeriod"),
      proposalThreshold: p("operationalProposalThreshold"),
      quorumNumerator: p("operationalQuorumPercent"),
      quorumFloor: p("operationalQuorumFloor"),
      guardian: p("guardian"),
    },
    p("constitutionalDelay"),
  ]);

  const communityHouse = m.contract("CommunityHouse", [
    votesToken,
    concordTimelock,
    operationalHouse,
    {
      votingDelay: p("communityVotingDelay"),
      votingPeriod: p("communityVotingPeriod"),
      proposalThreshold: p("communityProposalThreshold"),
      quorumNumerator: p("communityQuorumPercent"),
      quorumFloor: p("communityQuorumFloor"),
      guardian: p("guardian"),
    },
    p("lateQuorumExtension"),
    p("vetoThresholdBps"),
  ]);

  // Wiring, then the hand-over.
  const bound = m.call(operationalHouse, "setCommunityHouse", [communityHouse]);
  const grants = [
    m.call(concordTimelock, "grantRole", [TIMELOCK_ROLES.proposer, operationalHouse], {
      id: "grantProposer",
    }),
    m.call(concordTimelock, "grantRole", [TIMELOCK_ROLES.executor, operationalHouse], {
      id: "grantExecutor",
    }),
    m.call(concordTimelock, "grantRole", [TIMELOCK_ROLES.canceller, operationalHouse], {
      id: "grantCancellerOperational",
    }),
    m.call(concordTimelock, "grantRole", [TIMELOCK_ROLES.canceller, communityHouse], {
      id: "grantCancellerCommunity",
    }),
  ];
  const registryHandedOver = m.call(cellRegistry, "transferGovernance", [concordTimelock]);
  m.call(concordTimelock, "renounceRole", [TIMELOCK_ROLES.admin, deployer], {
    id: "renounceAdmin",
    after: [bound, registryHandedOver, ...grants],
  });

  return {
    cellRegistry,
    agreementRegistry,
    resourceLeases,
    concordTimelock,
    governanceClassifier,
    operationalHouse,
    communityHouse,
    ...(concordMembership ? { concordMembership } : {}),
  };
}
