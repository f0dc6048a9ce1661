/**
 * One query-key factory, one query-options factory and one hook per Concord read, and one mutation-options factory
 * per write: the wagmi pattern (`getBalanceQueryKey`, `getBalanceQueryOptions`, `useBalance`). Each line is one call
 * to the makers of `internal.ts`, so every read has the same shape. Generated from the modules' action tables.
 */

import {
  addMember,
  addMembers,
  approveJoin,
  cancelJoinRequest,
  cellCount,
  cellExists,
  cellRegistryClock,
  cellRegistryGovernance,
  createCell,
  decisionOwner,
  decisionPath,
  declareState,
  delegateAt,
  delegateOf,
  depthOf,
  getActivity,
  getCell,
  getCellInfo,
  getCells,
  getDirectory,
  getJoinRequests,
  getMembers,
  isMember,
  isRecognised,
  isRecognisedAt,
  isSteward,
  joinRequestedAt,
  leaveCell,
  listCells,
  localDecisionOwner,
  memberCount,
  nucleusHashOf,
  parentOf,
  phaseOf,
  recognisedCount,
  recognisedCountAt,
  rejectJoin,
  removeMember,
  requestToJoin,
  rolesOf,
  scaleOf,
  setDecisionOwner,
  setPhase,
  setRecognised,
  setRoles,
  signalIntent,
  stateOf,
  transferGovernance,
  updateNucleus,
} from "../cells/index.ts";
import {
  acknowledgeAgreement,
  acknowledgeAgreementBySig,
  acknowledgeAgreementForCell,
  acknowledgeAgreementForCellBySig,
  acknowledgeAgreements,
  agreementCount,
  agreementNonces,
  agreementPartiesOf,
  agreementsCellRegistry,
  agreementsDomainSeparator,
  agreementsEip712Domain,
  agreementStatusOf,
  agreementTimeline,
  amendAgreement,
  amendAgreementForCell,
  declineAgreement,
  declineAgreementForCell,
  getAcknowledgeTypedData,
  getAgreement,
  getAgreementInfo,
  getAgreements,
  hasAcknowledged,
  hasAcknowledgedCell,
  invalidateAgreementNonce,
  isAgreementCellParty,
  isAgreementParty,
  listAgreements,
  proposeAgreement,
  submitAgreementSignatures,
  terminateAgreement,
  terminateAgreementForCell,
  withdrawAgreement,
} from "../agreements/index.ts";
import {
  acquireLease,
  cancelReservation,
  claimantOf,
  enqueueForLease,
  getReservation,
  getResource,
  getResources,
  getResourceInfo,
  isCurrentToken,
  leaseOf,
  leasesOf,
  leaveLeaseQueue,
  limitsOf,
  listReservations,
  listResources,
  placeOf,
  pruneReservations,
  queueOf,
  registerResource,
  releaseLease,
  renewLease,
  reservationsOf,
  reserveResource,
  resourceCount,
  revokeLease,
  setResourceLimits,
  setResourcePolicy,
  standingOf,
  verifyFencingToken,
} from "../leases/index.ts";
import {
  buildProposalCall,
  cancelProposal,
  carryProposal,
  castGovernanceVote,
  castOverrideVote,
  castVetoBySig,
  castVoteBySig,
  classifyProposal,
  delegateVotes,
  executeProposal,
  getGovernanceSettings,
  getProposal,
  getProposalBallots,
  getProposalWithBallots,
  getVetoTypedData,
  getVoteTypedData,
  getVotingPower,
  houseState,
  kindOf,
  listProposals,
  proposeGovernance,
  queueProposal,
  scanProposalCreations,
  simulateProposal,
  submitVetoes,
  submitVotes,
  vetoProposal,
} from "../governance/index.ts";
import {
  createInfiniteQueryHook,
  createInfiniteQueryOptions,
  createMutationOptions,
  createQueryHook,
  createQueryKey,
  createQueryOptions,
} from "./internal.ts";
// The members' and treasury reads.
import { getMemberPowers, getMemberRoster, getTreasury } from "../governance/index.ts";

// ─────────────────────────────────────────────────────────────── cells reads

/** The TanStack Query key of `rolesOf`. */
export const rolesOfQueryKey = /* @__PURE__ */ createQueryKey<typeof rolesOf>("rolesOf");
/** TanStack Query options that run `rolesOf`. */
export const rolesOfQueryOptions = /* @__PURE__ */ createQueryOptions("rolesOf", rolesOf);
/** `rolesOf` as a React hook (`useQuery` of {@link rolesOfQueryOptions}). */
export const useRolesOf = /* @__PURE__ */ createQueryHook<typeof rolesOf>(rolesOfQueryOptions);

/** The TanStack Query key of `memberCount`. */
export const memberCountQueryKey = /* @__PURE__ */ createQueryKey<typeof memberCount>("memberCount");
/** TanStack Query options that run `memberCount`. */
export const memberCountQueryOptions = /* @__PURE__ */ createQueryOptions("memberCount", memberCount);
/** `memberCount` as a React hook (`useQuery` of {@link memberCountQueryOptions}). */
export const useMemberCount = /* @__PURE__ */ createQueryHook<typeof memberCount>(memberCountQueryOptions);

/** The TanStack Query key of `parentOf`. */
export const parentOfQueryKey = /* @__PURE__ */ createQueryKey<typeof parentOf>("parentOf");
/** TanStack Query options that run `parentOf`. */
export const parentOfQueryOptions = /* @__PURE__ */ createQueryOptions("parentOf", parentOf);
/** `parentOf` as a React hook (`useQuery` of {@link parentOfQueryOptions}). */
export const useParentOf = /* @__PURE__ */ createQueryHook<typeof parentOf>(parentOfQueryOptions);

/** The TanStack Query key of `phaseOf`. */
export const phaseOfQueryKey = /* @__PURE__ */ createQueryKey<typeof phaseOf>("phaseOf");
/** TanStack Query options that run `phaseOf`. */
export const phaseOfQueryOptions = /* @__PURE__ */ createQueryOptions("phaseOf", phaseOf);
/** `phaseOf` as a React hook (`useQuery` of {@link phaseOfQueryOptions}). */
export const usePhaseOf = /* @__PURE__ */ createQueryHook<typeof phaseOf>(phaseOfQueryOptions);

/** The TanStack Query key of `scaleOf`. */
export const scaleOfQueryKey = /* @__PURE__ */ createQueryKey<typeof scaleOf>("scaleOf");
/** TanStack Query options that run `scaleOf`. */
export const scaleOfQueryOptions = /* @__PURE__ */ createQueryOptions("scaleOf", scaleOf);
/** `scaleOf` as a React hook (`useQuery` of {@link scaleOfQueryOptions}). */
export const useScaleOf = /* @__PURE__ */ createQueryHook<typeof scaleOf>(scaleOfQueryOptions);

/** The TanStack Query key of `depthOf`. */
export const depthOfQueryKey = /* @__PURE__ */ createQueryKey<typeof depthOf>("depthOf");
/** TanStack Query options that run `depthOf`. */
export const depthOfQueryOptions = /* @__PURE__ */ createQueryOptions("depthOf", depthOf);
/** `depthOf` as a React hook (`useQuery` of {@link depthOfQueryOptions}). */
export const useDepthOf = /* @__PURE__ */ createQueryHook<typeof depthOf>(depthOfQueryOptions);

/** The TanStack Query key of `nucleusHashOf`. */
export const nucleusHashOfQueryKey = /* @__PURE__ */ createQueryKey<typeof nucleusHashOf>("nucleusHashOf");
/** TanStack Query options that run `nucleusHashOf`. */
export const nucleusHashOfQueryOptions = /* @__PURE__ */ createQueryOptions("nucleusHashOf", nucleusHashOf);
/** `nucleusHashOf` as a React hook (`useQuery` of {@link nucleusHashOfQueryOptions}). */
export const useNucleusHashOf =
  /* @__PURE__ */ createQueryHook<typeof nucleusHashOf>(nucleusHashOfQueryOptions);

/** The TanStack Query key of `getCellInfo`. */
export const getCellInfoQueryKey = /* @__PURE__ */ createQueryKey<typeof getCellInfo>("getCellInfo");
/** TanStack Query options that run `getCellInfo`. */
export const getCellInfoQueryOptions = /* @__PURE__ */ createQueryOptions("getCellInfo", getCellInfo);
/** `getCellInfo` as a React hook (`useQuery` of {@link getCellInfoQueryOptions}). */
export const useCellInfo = /* @__PURE__ */ createQueryHook<typeof getCellInfo>(getCellInfoQueryOptions);

/** The TanStack Query key of `cellCount`. */
export const cellCountQueryKey = /* @__PURE__ */ createQueryKey<typeof cellCount>("cellCount");
/** TanStack Query options that run `cellCount`. */
export const cellCountQueryOptions = /* @__PURE__ */ createQueryOptions("cellCount", cellCount);
/** `cellCount` as a React hook (`useQuery` of {@link cellCountQueryOptions}). */
export const useCellCount = /* @__PURE__ */ createQueryHook<typeof cellCount>(cellCountQueryOptions);

/** The TanStack Query key of `cellExists`. */
export const cellExistsQueryKey = /* @__PURE__ */ createQueryKey<typeof cellExists>("cellExists");
/** TanStack Query options that run `cellExists`. */
export const cellExistsQueryOptions = /* @__PURE__ */ createQueryOptions("cellExists", cellExists);
/** `cellExists` as a React hook (`useQuery` of {@link cellExistsQueryOptions}). */
export const useCellExists = /* @__PURE__ */ createQueryHook<typeof cellExists>(cellExistsQueryOptions);

/** The TanStack Query key of `isMember`. */
export const isMemberQueryKey = /* @__PURE__ */ createQueryKey<typeof isMember>("isMember");
/** TanStack Query options that run `isMember`. */
export const isMemberQueryOptions = /* @__PURE__ */ createQueryOptions("isMember", isMember);
/** `isMember` as a React hook (`useQuery` of {@link isMemberQueryOptions}). */
export const useIsMember = /* @__PURE__ */ createQueryHook<typeof isMember>(isMemberQueryOptions);

/** The TanStack Query key of `isSteward`. */
export const isStewardQueryKey = /* @__PURE__ */ createQueryKey<typeof isSteward>("isSteward");
/** TanStack Query options that run `isSteward`. */
export const isStewardQueryOptions = /* @__PURE__ */ createQueryOptions("isSteward", isSteward);
/** `isSteward` as a React hook (`useQuery` of {@link isStewardQueryOptions}). */
export const useIsSteward = /* @__PURE__ */ createQueryHook<typeof isSteward>(isStewardQueryOptions);

/** The TanStack Query key of `joinRequestedAt`. */
export const joinRequestedAtQueryKey =
  /* @__PURE__ */ createQueryKey<typeof joinRequestedAt>("joinRequestedAt");
/** TanStack Query options that run `joinRequestedAt`. */
export const joinRequestedAtQueryOptions = /* @__PURE__ */ createQueryOptions(
  "joinRequestedAt",
  joinRequestedAt,
);
/** `joinRequestedAt` as a React hook (`useQuery` of {@link joinRequestedAtQueryOptions}). */
export const useJoinRequestedAt =
  /* @__PURE__ */ createQueryHook<typeof joinRequestedAt>(joinRequestedAtQueryOptions);

/** The TanStack Query key of `stateOf`. */
export const stateOfQueryKey = /* @__PURE__ */ createQueryKey<typeof stateOf>("stateOf");
/** TanStack Query options that run `stateOf`. */
export const stateOfQueryOptions = /* @__PURE__ */ createQueryOptions("stateOf", stateOf);
/** `stateOf` as a React hook (`useQuery` of {@link stateOfQueryOptions}). */
export const useStateOf = /* @__PURE__ */ createQueryHook<typeof stateOf>(stateOfQueryOptions);

/** The TanStack Query key of `decisionOwner`. */
export const decisionOwnerQueryKey = /* @__PURE__ */ createQueryKey<typeof decisionOwner>("decisionOwner");
/** TanStack Query options that run `decisionOwner`. */
export const decisionOwnerQueryOptions = /* @__PURE__ */ createQueryOptions("decisionOwner", decisionOwner);
/** `decisionOwner` as a React hook (`useQuery` of {@link decisionOwnerQueryOptions}). */
export const useDecisionOwner =
  /* @__PURE__ */ createQueryHook<typeof decisionOwner>(decisionOwnerQueryOptions);

/** The TanStack Query key of `localDecisionOwner`. */
export const localDecisionOwnerQueryKey =
  /* @__PURE__ */ createQueryKey<typeof localDecisionOwner>("localDecisionOwner");
/** TanStack Query options that run `localDecisionOwner`. */
export const localDecisionOwnerQueryOptions = /* @__PURE__ */ createQueryOptions(
  "localDecisionOwner",
  localDecisionOwner,
);
/** `localDecisionOwner` as a React hook (`useQuery` of {@link localDecisionOwnerQueryOptions}). */
export const useLocalDecisionOwner = /* @__PURE__ */ createQueryHook<typeof localDecisionOwner>(
  localDecisionOwnerQueryOptions,
);

/** The TanStack Query key of `cellRegistryGovernance`. */
export const cellRegistryGovernanceQueryKey =
  /* @__PURE__ */ createQueryKey<typeof cellRegistryGovernance>("cellRegistryGovernance");
/** TanStack Query options that run `cellRegistryGovernance`. */
export const cellRegistryGovernanceQueryOptions = /* @__PURE__ */ createQueryOptions(
  "cellRegistryGovernance",
  cellRegistryGovernance,
);
/** `cellRegistryGovernance` as a React hook (`useQuery` of {@link cellRegistryGovernanceQueryOptions}). */
export const useCellRegistryGovernance = /* @__PURE__ */ createQueryHook<typeof cellRegistryGovernance>(
  cellRegistryGovernanceQueryOptions,
);

/** The TanStack Query key of `isRecognised`. */
export const isRecognisedQueryKey = /* @__PURE__ */ createQueryKey<typeof isRecognised>("isRecognised");
/** TanStack Query options that run `isRecognised`. */
export const isRecognisedQueryOptions = /* @__PURE__ */ createQueryOptions("isRecognised", isRecognised);
/** `isRecognised` as a React hook (`useQuery` of {@link isRecognisedQueryOptions}). */
export const useIsRecognised = /* @__PURE__ */ createQueryHook<typeof isRecognised>(isRecognisedQueryOptions);

/** The TanStack Query key of `isRecognisedAt`. */
export const isRecognisedAtQueryKey = /* @__PURE__ */ createQueryKey<typeof isRecognisedAt>("isRecognisedAt");
/** TanStack Query options that run `isRecognisedAt`. */
export const isRecognisedAtQueryOptions = /* @__PURE__ */ createQueryOptions(
  "isRecognisedAt",
  isRecognisedAt,
);
/** `isRecognisedAt` as a React hook (`useQuery` of {@link isRecognisedAtQueryOptions}). */
export const useIsRecognisedAt =
  /* @__PURE__ */ createQueryHook<typeof isRecognisedAt>(isRecognisedAtQueryOptions);

/** The TanStack Query key of `recognisedCount`. */
export const recognisedCountQueryKey =
  /* @__PURE__ */ createQueryKey<typeof recognisedCount>("recognisedCount");
/** TanStack Query options that run `recognisedCount`. */
export const recognisedCountQueryOptions = /* @__PURE__ */ createQueryOptions(
  "recognisedCount",
  recognisedCount,
);
/** `recognisedCount` as a React hook (`useQuery` of {@link recognisedCountQueryOptions}). */
export const useRecognisedCount =
  /* @__PURE__ */ createQueryHook<typeof recognisedCount>(recognisedCountQueryOptions);

/** The TanStack Query key of `recognisedCountAt`. */
export const recognisedCountAtQueryKey =
  /* @__PURE__ */ createQueryKey<typeof recognisedCountAt>("recognisedCountAt");
/** TanStack Query options that run `recognisedCountAt`. */
export const recognisedCountAtQueryOptions = /* @__PURE__ */ createQueryOptions(
  "recognisedCountAt",
  recognisedCountAt,
);
/** `recognisedCountAt` as a React hook (`useQuery` of {@link recognisedCountAtQueryOptions}). */
export const useRecognisedCountAt = /* @__PURE__ */ createQueryHook<typeof recognisedCountAt>(
  recognisedCountAtQueryOptions,
);

/** The TanStack Query key of `delegateOf`. */
export const delegateOfQueryKey = /* @__PURE__ */ createQueryKey<typeof delegateOf>("delegateOf");
/** TanStack Query options that run `delegateOf`. */
export const delegateOfQueryOptions = /* @__PURE__ */ createQueryOptions("delegateOf", delegateOf);
/** `delegateOf` as a React hook (`useQuery` of {@link delegateOfQueryOptions}). */
export const useDelegateOf = /* @__PURE__ */ createQueryHook<typeof delegateOf>(delegateOfQueryOptions);

/** The TanStack Query key of `delegateAt`. */
export const delegateAtQueryKey = /* @__PURE__ */ createQueryKey<typeof delegateAt>("delegateAt");
/** TanStack Query options that run `delegateAt`. */
export const delegateAtQueryOptions = /* @__PURE__ */ createQueryOptions("delegateAt", delegateAt);
/** `delegateAt` as a React hook (`useQuery` of {@link delegateAtQueryOptions}). */
export const useDelegateAt = /* @__PURE__ */ createQueryHook<typeof delegateAt>(delegateAtQueryOptions);

/** The TanStack Query key of `cellRegistryClock`. */
export const cellRegistryClockQueryKey =
  /* @__PURE__ */ createQueryKey<typeof cellRegistryClock>("cellRegistryClock");
/** TanStack Query options that run `cellRegistryClock`. */
export const cellRegistryClockQueryOptions = /* @__PURE__ */ createQueryOptions(
  "cellRegistryClock",
  cellRegistryClock,
);
/** `cellRegistryClock` as a React hook (`useQuery` of {@link cellRegistryClockQueryOptions}). */
export const useCellRegistryClock = /* @__PURE__ */ createQueryHook<typeof cellRegistryClock>(
  cellRegistryClockQueryOptions,
);

/** The TanStack Query key of `getCell`. */
export const getCellQueryKey = /* @__PURE__ */ createQueryKey<typeof getCell>("getCell");
/** TanStack Query options that run `getCell`. */
export const getCellQueryOptions = /* @__PURE__ */ createQueryOptions("getCell", getCell);
/** `getCell` as a React hook (`useQuery` of {@link getCellQueryOptions}). */
export const useCell = /* @__PURE__ */ createQueryHook<typeof getCell>(getCellQueryOptions);

/** The TanStack Query key of `getCells`. */
export const getCellsQueryKey = /* @__PURE__ */ createQueryKey<typeof getCells>("getCells");
/** TanStack Query options that run `getCells`. */
export const getCellsQueryOptions = /* @__PURE__ */ createQueryOptions("getCells", getCells);
/** `getCells` as a React hook (`useQuery` of {@link getCellsQueryOptions}). */
export const useCells = /* @__PURE__ */ createQueryHook<typeof getCells>(getCellsQueryOptions);

/** The TanStack Query key of `decisionPath`. */
export const decisionPathQueryKey = /* @__PURE__ */ createQueryKey<typeof decisionPath>("decisionPath");
/** TanStack Query options that run `decisionPath`. */
export const decisionPathQueryOptions = /* @__PURE__ */ createQueryOptions("decisionPath", decisionPath);
/** `decisionPath` as a React hook (`useQuery` of {@link decisionPathQueryOptions}). */
export const useDecisionPath = /* @__PURE__ */ createQueryHook<typeof decisionPath>(decisionPathQueryOptions);

/** The TanStack Query key of `listCells`. */
export const listCellsQueryKey = /* @__PURE__ */ createQueryKey<typeof listCells>("listCells");
/** TanStack Query options that run `listCells`. */
export const listCellsQueryOptions = /* @__PURE__ */ createQueryOptions("listCells", listCells);
/** `listCells` as a React hook (`useQuery` of {@link listCellsQueryOptions}). */
export const useListCells = /* @__PURE__ */ createQueryHook<typeof listCells>(listCellsQueryOptions);
/**
 * TanStack infinite-query options over the pages of `listCells` (first page, then each `next`): "Show more" is
 * `fetchNextPage`.
 */
export const listCellsInfiniteQueryOptions = /* @__PURE__ */ createInfiniteQueryOptions(
  "listCells",
  listCells,
);
/** The pages of `listCells` as a React hook (`useInfiniteQuery` of {@link listCellsInfiniteQueryOptions}). */
export const useListCellsPages = /* @__PURE__ */ createInfiniteQueryHook<typeof listCells>(
  listCellsInfiniteQueryOptions,
);

/** The TanStack Query key of `getDirectory`. */
export const getDirectoryQueryKey = /* @__PURE__ */ createQueryKey<typeof getDirectory>("getDirectory");
/** TanStack Query options that run `getDirectory`. */
export const getDirectoryQueryOptions = /* @__PURE__ */ createQueryOptions("getDirectory", getDirectory);
/** `getDirectory` as a React hook (`useQuery` of {@link getDirectoryQueryOptions}). */
export const useDirectory = /* @__PURE__ */ createQueryHook<typeof getDirectory>(getDirectoryQueryOptions);

/** The TanStack Query key of `getMembers`. */
export const getMembersQueryKey = /* @__PURE__ */ createQueryKey<typeof getMembers>("getMembers");
/** TanStack Query options that run `getMembers`. */
export const getMembersQueryOptions = /* @__PURE__ */ createQueryOptions("getMembers", getMembers);
/** `getMembers` as a React hook (`useQuery` of {@link getMembersQueryOptions}). */
export const useMembers = /* @__PURE__ */ createQueryHook<typeof getMembers>(getMembersQueryOptions);
/**
 * TanStack infinite-query options over the pages of `getMembers` (first page, then each `next`): "Show more" is
 * `fetchNextPage`.
 */
export const getMembersInfiniteQueryOptions = /* @__PURE__ */ createInfiniteQueryOptions(
  "getMembers",
  getMembers,
);
/** The pages of `getMembers` as a React hook (`useInfiniteQuery` of {@link getMembersInfiniteQueryOptions}). */
export const useMembersPages = /* @__PURE__ */ createInfiniteQueryHook<typeof getMembers>(
  getMembersInfiniteQueryOptions,
);

/** The TanStack Query key of `getJoinRequests`. */
export const getJoinRequestsQueryKey =
  /* @__PURE__ */ createQueryKey<typeof getJoinRequests>("getJoinRequests");
/** TanStack Query options that run `getJoinRequests`. */
export const getJoinRequestsQueryOptions = /* @__PURE__ */ createQueryOptions(
  "getJoinRequests",
  getJoinRequests,
);
/** `getJoinRequests` as a React hook (`useQuery` of {@link getJoinRequestsQueryOptions}). */
export const useJoinRequests =
  /* @__PURE__ */ createQueryHook<typeof getJoinRequests>(getJoinRequestsQueryOptions);
/**
 * TanStack infinite-query options over the pages of `getJoinRequests` (first page, then each `next`): "Show more"
 * is `fetchNextPage`.
 */
export const getJoinRequestsInfiniteQueryOptions = /* @__PURE__ */ createInfiniteQueryOptions(
  "getJoinRequests",
  getJoinRequests,
);
/** The pages of `getJoinRequests` as a React hook (`useInfiniteQuery` of {@link getJoinRequestsInfiniteQueryOptions}). */
export const useJoinRequestsPages = /* @__PURE__ */ createInfiniteQueryHook<typeof getJoinRequests>(
  getJoinRequestsInfiniteQueryOptions,
);

/** The TanStack Query key of `getActivity`. */
export const getActivityQueryKey = /* @__PURE__ */ createQueryKey<typeof getActivity>("getActivity");
/** TanStack Query options that run `getActivity`. */
export const getActivityQueryOptions = /* @__PURE__ */ createQueryOptions("getActivity", getActivity);
/** `getActivity` as a React hook (`useQuery` of {@link getActivityQueryOptions}). */
export const useActivity = /* @__PURE__ */ createQueryHook<typeof getActivity>(getActivityQueryOptions);

// ─────────────────────────────────────────────────────────────── agreements reads

/** The TanStack Query key of `agreementStatusOf`. */
export const agreementStatusOfQueryKey =
  /* @__PURE__ */ createQueryKey<typeof agreementStatusOf>("agreementStatusOf");
/** TanStack Query options that run `agreementStatusOf`. */
export const agreementStatusOfQueryOptions = /* @__PURE__ */ createQueryOptions(
  "agreementStatusOf",
  agreementStatusOf,
);
/** `agreementStatusOf` as a React hook (`useQuery` of {@link agreementStatusOfQueryOptions}). */
export const useAgreementStatusOf = /* @__PURE__ */ createQueryHook<typeof agreementStatusOf>(
  agreementStatusOfQueryOptions,
);

/** The TanStack Query key of `getAgreementInfo`. */
export const getAgreementInfoQueryKey =
  /* @__PURE__ */ createQueryKey<typeof getAgreementInfo>("getAgreementInfo");
/** TanStack Query options that run `getAgreementInfo`. */
export const getAgreementInfoQueryOptions = /* @__PURE__ */ createQueryOptions(
  "getAgreementInfo",
  getAgreementInfo,
);
/** `getAgreementInfo` as a React hook (`useQuery` of {@link getAgreementInfoQueryOptions}). */
export const useAgreementInfo = /* @__PURE__ */ createQueryHook<typeof getAgreementInfo>(
  getAgreementInfoQueryOptions,
);

/** The TanStack Query key of `agreementPartiesOf`. */
export const agreementPartiesOfQueryKey =
  /* @__PURE__ */ createQueryKey<typeof agreementPartiesOf>("agreementPartiesOf");
/** TanStack Query options that run `agreementPartiesOf`. */
export const agreementPartiesOfQueryOptions = /* @__PURE__ */ createQueryOptions(
  "agreementPartiesOf",
  agreementPartiesOf,
);
/** `agreementPartiesOf` as a React hook (`useQuery` of {@link agreementPartiesOfQueryOptions}). */
export const useAgreementPartiesOf = /* @__PURE__ */ createQueryHook<typeof agreementPartiesOf>(
  agreementPartiesOfQueryOptions,
);

/** The TanStack Query key of `isAgreementParty`. */
export const isAgreementPartyQueryKey =
  /* @__PURE__ */ createQueryKey<typeof isAgreementParty>("isAgreementParty");
/** TanStack Query options that run `isAgreementParty`. */
export const isAgreementPartyQueryOptions = /* @__PURE__ */ createQueryOptions(
  "isAgreementParty",
  isAgreementParty,
);
/** `isAgreementParty` as a React hook (`useQuery` of {@link isAgreementPartyQueryOptions}). */
export const useIsAgreementParty = /* @__PURE__ */ createQueryHook<typeof isAgreementParty>(
  isAgreementPartyQueryOptions,
);

/** The TanStack Query key of `isAgreementCellParty`. */
export const isAgreementCellPartyQueryKey =
  /* @__PURE__ */ createQueryKey<typeof isAgreementCellParty>("isAgreementCellParty");
/** TanStack Query options that run `isAgreementCellParty`. */
export const isAgreementCellPartyQueryOptions = /* @__PURE__ */ createQueryOptions(
  "isAgreementCellParty",
  isAgreementCellParty,
);
/** `isAgreementCellParty` as a React hook (`useQuery` of {@link isAgreementCellPartyQueryOptions}). */
export const useIsAgreementCellParty = /* @__PURE__ */ createQueryHook<typeof isAgreementCellParty>(
  isAgreementCellPartyQueryOptions,
);

/** The TanStack Query key of `hasAcknowledged`. */
export const hasAcknowledgedQueryKey =
  /* @__PURE__ */ createQueryKey<typeof hasAcknowledged>("hasAcknowledged");
/** TanStack Query options that run `hasAcknowledged`. */
export const hasAcknowledgedQueryOptions = /* @__PURE__ */ createQueryOptions(
  "hasAcknowledged",
  hasAcknowledged,
);
/** `hasAcknowledged` as a React hook (`useQuery` of {@link hasAcknowledgedQueryOptions}). */
export const useHasAcknowledged =
  /* @__PURE__ */ createQueryHook<typeof hasAcknowledged>(hasAcknowledgedQueryOptions);

/** The TanStack Query key of `hasAcknowledgedCell`. */
export const hasAcknowledgedCellQueryKey =
  /* @__PURE__ */ createQueryKey<typeof hasAcknowledgedCell>("hasAcknowledgedCell");
/** TanStack Query options that run `hasAcknowledgedCell`. */
export const hasAcknowledgedCellQueryOptions = /* @__PURE__ */ createQueryOptions(
  "hasAcknowledgedCell",
  hasAcknowledgedCell,
);
/** `hasAcknowledgedCell` as a React hook (`useQuery` of {@link hasAcknowledgedCellQueryOptions}). */
export const useHasAcknowledgedCell = /* @__PURE__ */ createQueryHook<typeof hasAcknowledgedCell>(
  hasAcknowledgedCellQueryOptions,
);

/** The TanStack Query key of `agreementCount`. */
export const agreementCountQueryKey = /* @__PURE__ */ createQueryKey<typeof agreementCount>("agreementCount");
/** TanStack Query options that run `agreementCount`. */
export const agreementCountQueryOptions = /* @__PURE__ */ createQueryOptions(
  "agreementCount",
  agreementCount,
);
/** `agreementCount` as a React hook (`useQuery` of {@link agreementCountQueryOptions}). */
export const useAgreementCount =
  /* @__PURE__ */ createQueryHook<typeof agreementCount>(agreementCountQueryOptions);

/** The TanStack Query key of `agreementNonces`. */
export const agreementNoncesQueryKey =
  /* @__PURE__ */ createQueryKey<typeof agreementNonces>("agreementNonces");
/** TanStack Query options that run `agreementNonces`. */
export const agreementNoncesQueryOptions = /* @__PURE__ */ createQueryOptions(
  "agreementNonces",
  agreementNonces,
);
/** `agreementNonces` as a React hook (`useQuery` of {@link agreementNoncesQueryOptions}). */
export const useAgreementNonces =
  /* @__PURE__ */ createQueryHook<typeof agreementNonces>(agreementNoncesQueryOptions);

/** The TanStack Query key of `agreementsDomainSeparator`. */
export const agreementsDomainSeparatorQueryKey =
  /* @__PURE__ */ createQueryKey<typeof agreementsDomainSeparator>("agreementsDomainSeparator");
/** TanStack Query options that run `agreementsDomainSeparator`. */
export const agreementsDomainSeparatorQueryOptions = /* @__PURE__ */ createQueryOptions(
  "agreementsDomainSeparator",
  agreementsDomainSeparator,
);
/** `agreementsDomainSeparator` as a React hook (`useQuery` of {@link agreementsDomainSeparatorQueryOptions}). */
export const useAgreementsDomainSeparator = /* @__PURE__ */ createQueryHook<typeof agreementsDomainSeparator>(
  agreementsDomainSeparatorQueryOptions,
);

/** The TanStack Query key of `agreementsEip712Domain`. */
export const agreementsEip712DomainQueryKey =
  /* @__PURE__ */ createQueryKey<typeof agreementsEip712Domain>("agreementsEip712Domain");
/** TanStack Query options that run `agreementsEip712Domain`. */
export const agreementsEip712DomainQueryOptions = /* @__PURE__ */ createQueryOptions(
  "agreementsEip712Domain",
  agreementsEip712Domain,
);
/** `agreementsEip712Domain` as a React hook (`useQuery` of {@link agreementsEip712DomainQueryOptions}). */
export const useAgreementsEip712Domain = /* @__PURE__ */ createQueryHook<typeof agreementsEip712Domain>(
  agreementsEip712DomainQueryOptions,
);

/** The TanStack Query key of `agreementsCellRegistry`. */
export const agreementsCellRegistryQueryKey =
  /* @__PURE__ */ createQueryKey<typeof agreementsCellRegistry>("agreementsCellRegistry");
/** TanStack Query options that run `agreementsCellRegistry`. */
export const agreementsCellRegistryQueryOptions = /* @__PURE__ */ createQueryOptions(
  "agreementsCellRegistry",
  agreementsCellRegistry,
);
/** `agreementsCellRegistry` as a React hook (`useQuery` of {@link agreementsCellRegistryQueryOptions}). */
export const useAgreementsCellRegistry = /* @__PURE__ */ createQueryHook<typeof agreementsCellRegistry>(
  agreementsCellRegistryQueryOptions,
);

/** The TanStack Query key of `getAgreement`. */
export const getAgreementQueryKey = /* @__PURE__ */ createQueryKey<typeof getAgreement>("getAgreement");
/** TanStack Query options that run `getAgreement`. */
export const getAgreementQueryOptions = /* @__PURE__ */ createQueryOptions("getAgreement", getAgreement);
/** `getAgreement` as a React hook (`useQuery` of {@link getAgreementQueryOptions}). */
export const useAgreement = /* @__PURE__ */ createQueryHook<typeof getAgreement>(getAgreementQueryOptions);

/** The TanStack Query key of `getAgreements`. */
export const getAgreementsQueryKey = /* @__PURE__ */ createQueryKey<typeof getAgreements>("getAgreements");
/** TanStack Query options that run `getAgreements`. */
export const getAgreementsQueryOptions = /* @__PURE__ */ createQueryOptions("getAgreements", getAgreements);
/** `getAgreements` as a React hook (`useQuery` of {@link getAgreementsQueryOptions}). */
export const useAgreements = /* @__PURE__ */ createQueryHook<typeof getAgreements>(getAgreementsQueryOptions);

/** The TanStack Query key of `listAgreements`. */
export const listAgreementsQueryKey = /* @__PURE__ */ createQueryKey<typeof listAgreements>("listAgreements");
/** TanStack Query options that run `listAgreements`. */
export const listAgreementsQueryOptions = /* @__PURE__ */ createQueryOptions(
  "listAgreements",
  listAgreements,
);
/** `listAgreements` as a React hook (`useQuery` of {@link listAgreementsQueryOptions}): one page. */
export const useListAgreements =
  /* @__PURE__ */ createQueryHook<typeof listAgreements>(listAgreementsQueryOptions);
/**
 * TanStack infinite-query options over the pages of `listAgreements` (first page, then each `next`): "Show more"
 * is `fetchNextPage`.
 */
export const listAgreementsInfiniteQueryOptions = /* @__PURE__ */ createInfiniteQueryOptions(
  "listAgreements",
  listAgreements,
);
/** The pages of `listAgreements` as a React hook (`useInfiniteQuery` of {@link listAgreementsInfiniteQueryOptions}). */
export const useListAgreementsPages = /* @__PURE__ */ createInfiniteQueryHook<typeof listAgreements>(
  listAgreementsInfiniteQueryOptions,
);

/** The TanStack Query key of `agreementTimeline`. */
export const agreementTimelineQueryKey =
  /* @__PURE__ */ createQueryKey<typeof agreementTimeline>("agreementTimeline");
/** TanStack Query options that run `agreementTimeline`. */
export const agreementTimelineQueryOptions = /* @__PURE__ */ createQueryOptions(
  "agreementTimeline",
  agreementTimeline,
);
/** `agreementTimeline` as a React hook (`useQuery` of {@link agreementTimelineQueryOptions}). */
export const useAgreementTimeline = /* @__PURE__ */ createQueryHook<typeof agreementTimeline>(
  agreementTimelineQueryOptions,
);

/** The TanStack Query key of `getAcknowledgeTypedData`. */
export const getAcknowledgeTypedDataQueryKey =
  /* @__PURE__ */ createQueryKey<typeof getAcknowledgeTypedData>("getAcknowledgeTypedData");
/** TanStack Query options that run `getAcknowledgeTypedData`. */
export const getAcknowledgeTypedDataQueryOptions = /* @__PURE__ */ createQueryOptions(
  "getAcknowledgeTypedData",
  getAcknowledgeTypedData,
);
/** `getAcknowledgeTypedData` as a React hook (`useQuery` of {@link getAcknowledgeTypedDataQueryOptions}). */
export const useAcknowledgeTypedData = /* @__PURE__ */ createQueryHook<typeof getAcknowledgeTypedData>(
  getAcknowledgeTypedDataQueryOptions,
);

// ─────────────────────────────────────────────────────────────── leases reads

/** The TanStack Query key of `leaseOf`. */
export const leaseOfQueryKey = /* @__PURE__ */ createQueryKey<typeof leaseOf>("leaseOf");
/** TanStack Query options that run `leaseOf`. */
export const leaseOfQueryOptions = /* @__PURE__ */ createQueryOptions("leaseOf", leaseOf);
/** `leaseOf` as a React hook (`useQuery` of {@link leaseOfQueryOptions}). */
export const useLeaseOf = /* @__PURE__ */ createQueryHook<typeof leaseOf>(leaseOfQueryOptions);

/** The TanStack Query key of `isCurrentToken`. */
export const isCurrentTokenQueryKey = /* @__PURE__ */ createQueryKey<typeof isCurrentToken>("isCurrentToken");
/** TanStack Query options that run `isCurrentToken`. */
export const isCurrentTokenQueryOptions = /* @__PURE__ */ createQueryOptions(
  "isCurrentToken",
  isCurrentToken,
);
/** `isCurrentToken` as a React hook (`useQuery` of {@link isCurrentTokenQueryOptions}). */
export const useIsCurrentToken =
  /* @__PURE__ */ createQueryHook<typeof isCurrentToken>(isCurrentTokenQueryOptions);

/** The TanStack Query key of `getResourceInfo`. */
export const getResourceInfoQueryKey =
  /* @__PURE__ */ createQueryKey<typeof getResourceInfo>("getResourceInfo");
/** TanStack Query options that run `getResourceInfo`. */
export const getResourceInfoQueryOptions = /* @__PURE__ */ createQueryOptions(
  "getResourceInfo",
  getResourceInfo,
);
/** `getResourceInfo` as a React hook (`useQuery` of {@link getResourceInfoQueryOptions}). */
export const useResourceInfo =
  /* @__PURE__ */ createQueryHook<typeof getResourceInfo>(getResourceInfoQueryOptions);

/** The TanStack Query key of `resourceCount`. */
export const resourceCountQueryKey = /* @__PURE__ */ createQueryKey<typeof resourceCount>("resourceCount");
/** TanStack Query options that run `resourceCount`. */
export const resourceCountQueryOptions = /* @__PURE__ */ createQueryOptions("resourceCount", resourceCount);
/** `resourceCount` as a React hook (`useQuery` of {@link resourceCountQueryOptions}). */
export const useResourceCount =
  /* @__PURE__ */ createQueryHook<typeof resourceCount>(resourceCountQueryOptions);

/** The TanStack Query key of `claimantOf`. */
export const claimantOfQueryKey = /* @__PURE__ */ createQueryKey<typeof claimantOf>("claimantOf");
/** TanStack Query options that run `claimantOf`. */
export const claimantOfQueryOptions = /* @__PURE__ */ createQueryOptions("claimantOf", claimantOf);
/** `claimantOf` as a React hook (`useQuery` of {@link claimantOfQueryOptions}). */
export const useClaimantOf = /* @__PURE__ */ createQueryHook<typeof claimantOf>(claimantOfQueryOptions);

/** The TanStack Query key of `queueOf`. */
export const queueOfQueryKey = /* @__PURE__ */ createQueryKey<typeof queueOf>("queueOf");
/** TanStack Query options that run `queueOf`. */
export const queueOfQueryOptions = /* @__PURE__ */ createQueryOptions("queueOf", queueOf);
/** `queueOf` as a React hook (`useQuery` of {@link queueOfQueryOptions}). */
export const useQueueOf = /* @__PURE__ */ createQueryHook<typeof queueOf>(queueOfQueryOptions);

/** The TanStack Query key of `placeOf`. */
export const placeOfQueryKey = /* @__PURE__ */ createQueryKey<typeof placeOf>("placeOf");
/** TanStack Query options that run `placeOf`. */
export const placeOfQueryOptions = /* @__PURE__ */ createQueryOptions("placeOf", placeOf);
/** `placeOf` as a React hook (`useQuery` of {@link placeOfQueryOptions}). */
export const usePlaceOf = /* @__PURE__ */ createQueryHook<typeof placeOf>(placeOfQueryOptions);

/** The TanStack Query key of `getReservation`. */
export const getReservationQueryKey = /* @__PURE__ */ createQueryKey<typeof getReservation>("getReservation");
/** TanStack Query options that run `getReservation`. */
export const getReservationQueryOptions = /* @__PURE__ */ createQueryOptions(
  "getReservation",
  getReservation,
);
/** `getReservation` as a React hook (`useQuery` of {@link getReservationQueryOptions}). */
export const useReservation =
  /* @__PURE__ */ createQueryHook<typeof getReservation>(getReservationQueryOptions);

/** The TanStack Query key of `reservationsOf`. */
export const reservationsOfQueryKey = /* @__PURE__ */ createQueryKey<typeof reservationsOf>("reservationsOf");
/** TanStack Query options that run `reservationsOf`. */
export const reservationsOfQueryOptions = /* @__PURE__ */ createQueryOptions(
  "reservationsOf",
  reservationsOf,
);
/** `reservationsOf` as a React hook (`useQuery` of {@link reservationsOfQueryOptions}). */
export const useReservationsOf =
  /* @__PURE__ */ createQueryHook<typeof reservationsOf>(reservationsOfQueryOptions);

/** The TanStack Query key of `listReservations`. */
export const listReservationsQueryKey =
  /* @__PURE__ */ createQueryKey<typeof listReservations>("listReservations");
/** TanStack Query options that run `listReservations`. */
export const listReservationsQueryOptions = /* @__PURE__ */ createQueryOptions(
  "listReservations",
  listReservations,
);
/** `listReservations` as a React hook (`useQuery` of {@link listReservationsQueryOptions}). */
export const useListReservations = /* @__PURE__ */ createQueryHook<typeof listReservations>(
  listReservationsQueryOptions,
);

/** The TanStack Query key of `limitsOf`. */
export const limitsOfQueryKey = /* @__PURE__ */ createQueryKey<typeof limitsOf>("limitsOf");
/** TanStack Query options that run `limitsOf`. */
export const limitsOfQueryOptions = /* @__PURE__ */ createQueryOptions("limitsOf", limitsOf);
/** `limitsOf` as a React hook (`useQuery` of {@link limitsOfQueryOptions}). */
export const useLimitsOf = /* @__PURE__ */ createQueryHook<typeof limitsOf>(limitsOfQueryOptions);

/** The TanStack Query key of `standingOf`. */
export const standingOfQueryKey = /* @__PURE__ */ createQueryKey<typeof standingOf>("standingOf");
/** TanStack Query options that run `standingOf`. */
export const standingOfQueryOptions = /* @__PURE__ */ createQueryOptions("standingOf", standingOf);
/** `standingOf` as a React hook (`useQuery` of {@link standingOfQueryOptions}). */
export const useStandingOf = /* @__PURE__ */ createQueryHook<typeof standingOf>(standingOfQueryOptions);

/** The TanStack Query key of `getResource`. */
export const getResourceQueryKey = /* @__PURE__ */ createQueryKey<typeof getResource>("getResource");
/** TanStack Query options that run `getResource`. */
export const getResourceQueryOptions = /* @__PURE__ */ createQueryOptions("getResource", getResource);
/** `getResource` as a React hook (`useQuery` of {@link getResourceQueryOptions}). */
export const useResource = /* @__PURE__ */ createQueryHook<typeof getResource>(getResourceQueryOptions);

/** The TanStack Query key of `listResources`. */
export const listResourcesQueryKey = /* @__PURE__ */ createQueryKey<typeof listResources>("listResources");
/** TanStack Query options that run `listResources`. */
export const listResourcesQueryOptions = /* @__PURE__ */ createQueryOptions("listResources", listResources);
/** `listResources` as a React hook (`useQuery` of {@link listResourcesQueryOptions}). */
export const useListResources =
  /* @__PURE__ */ createQueryHook<typeof listResources>(listResourcesQueryOptions);
/** TanStack infinite-query options over the pages of `listResources` (first page, then each `next`). */
export const listResourcesInfiniteQueryOptions = /* @__PURE__ */ createInfiniteQueryOptions(
  "listResources",
  listResources,
);
/** The pages of `listResources` as a React hook (`useInfiniteQuery`; "Show more" is `fetchNextPage`). */
export const useListResourcesPages = /* @__PURE__ */ createInfiniteQueryHook<typeof listResources>(
  listResourcesInfiniteQueryOptions,
);

/** The TanStack Query key of `getResources`. */
export const getResourcesQueryKey = /* @__PURE__ */ createQueryKey<typeof getResources>("getResources");
/** TanStack Query options that run `getResources` (one page). */
export const getResourcesQueryOptions = /* @__PURE__ */ createQueryOptions("getResources", getResources);
/** `getResources` as a React hook (`useQuery` of {@link getResourcesQueryOptions}: one page). */
export const useResources = /* @__PURE__ */ createQueryHook<typeof getResources>(getResourcesQueryOptions);
/** TanStack infinite-query options over the pages of `getResources` (first page, then each `next`). */
export const getResourcesInfiniteQueryOptions = /* @__PURE__ */ createInfiniteQueryOptions(
  "getResources",
  getResources,
);
/** The pages of `getResources` as a React hook (`useInfiniteQuery`; "Show more" is `fetchNextPage`). */
export const useResourcesPages = /* @__PURE__ */ createInfiniteQueryHook<typeof getResources>(
  getResourcesInfiniteQueryOptions,
);

/** The TanStack Query key of `leasesOf`. */
export const leasesOfQueryKey = /* @__PURE__ */ createQueryKey<typeof leasesOf>("leasesOf");
/** TanStack Query options that run `leasesOf`. */
export const leasesOfQueryOptions = /* @__PURE__ */ createQueryOptions("leasesOf", leasesOf);
/** `leasesOf` as a React hook (`useQuery` of {@link leasesOfQueryOptions}). */
export const useLeasesOf = /* @__PURE__ */ createQueryHook<typeof leasesOf>(leasesOfQueryOptions);
/** TanStack infinite-query options over the pages of `leasesOf` (first page, then each `next`). */
export const leasesOfInfiniteQueryOptions = /* @__PURE__ */ createInfiniteQueryOptions("leasesOf", leasesOf);
/** The pages of `leasesOf` as a React hook (`useInfiniteQuery`; "Show more" is `fetchNextPage`). */
export const useLeasesOfPages = /* @__PURE__ */ createInfiniteQueryHook<typeof leasesOf>(
  leasesOfInfiniteQueryOptions,
);

/** The TanStack Query key of `verifyFencingToken`. */
export const verifyFencingTokenQueryKey =
  /* @__PURE__ */ createQueryKey<typeof verifyFencingToken>("verifyFencingToken");
/** TanStack Query options that run `verifyFencingToken`. */
export const verifyFencingTokenQueryOptions = /* @__PURE__ */ createQueryOptions(
  "verifyFencingToken",
  verifyFencingToken,
);
/** `verifyFencingToken` as a React hook (`useQuery` of {@link verifyFencingTokenQueryOptions}). */
export const useVerifyFencingToken = /* @__PURE__ */ createQueryHook<typeof verifyFencingToken>(
  verifyFencingTokenQueryOptions,
);

// ─────────────────────────────────────────────────────────────── governance reads

/** The TanStack Query key of `getGovernanceSettings`. */
export const getGovernanceSettingsQueryKey =
  /* @__PURE__ */ createQueryKey<typeof getGovernanceSettings>("getGovernanceSettings");
/** TanStack Query options that run `getGovernanceSettings`. */
export const getGovernanceSettingsQueryOptions = /* @__PURE__ */ createQueryOptions(
  "getGovernanceSettings",
  getGovernanceSettings,
);
/** `getGovernanceSettings` as a React hook (`useQuery` of {@link getGovernanceSettingsQueryOptions}). */
export const useGovernanceSettings = /* @__PURE__ */ createQueryHook<typeof getGovernanceSettings>(
  getGovernanceSettingsQueryOptions,
);

/** The TanStack Query key of `getVotingPower`. */
export const getVotingPowerQueryKey = /* @__PURE__ */ createQueryKey<typeof getVotingPower>("getVotingPower");
/** TanStack Query options that run `getVotingPower`. */
export const getVotingPowerQueryOptions = /* @__PURE__ */ createQueryOptions(
  "getVotingPower",
  getVotingPower,
);
/** `getVotingPower` as a React hook (`useQuery` of {@link getVotingPowerQueryOptions}). */
export const useVotingPower =
  /* @__PURE__ */ createQueryHook<typeof getVotingPower>(getVotingPowerQueryOptions);

/** The TanStack Query key of `classifyProposal`. */
export const classifyProposalQueryKey =
  /* @__PURE__ */ createQueryKey<typeof classifyProposal>("classifyProposal");
/** TanStack Query options that run `classifyProposal`. */
export const classifyProposalQueryOptions = /* @__PURE__ */ createQueryOptions(
  "classifyProposal",
  classifyProposal,
);
/** `classifyProposal` as a React hook (`useQuery` of {@link classifyProposalQueryOptions}). */
export const useClassifyProposal = /* @__PURE__ */ createQueryHook<typeof classifyProposal>(
  classifyProposalQueryOptions,
);

/** The TanStack Query key of `kindOf`. */
export const kindOfQueryKey = /* @__PURE__ */ createQueryKey<typeof kindOf>("kindOf");
/** TanStack Query options that run `kindOf`. */
export const kindOfQueryOptions = /* @__PURE__ */ createQueryOptions("kindOf", kindOf);
/** `kindOf` as a React hook (`useQuery` of {@link kindOfQueryOptions}). */
export const useKindOf = /* @__PURE__ */ createQueryHook<typeof kindOf>(kindOfQueryOptions);

/** The TanStack Query key of `buildProposalCall`. */
export const buildProposalCallQueryKey =
  /* @__PURE__ */ createQueryKey<typeof buildProposalCall>("buildProposalCall");
/** TanStack Query options that run `buildProposalCall`. */
export const buildProposalCallQueryOptions = /* @__PURE__ */ createQueryOptions(
  "buildProposalCall",
  buildProposalCall,
);
/** `buildProposalCall` as a React hook (`useQuery` of {@link buildProposalCallQueryOptions}). */
export const useBuildProposalCall = /* @__PURE__ */ createQueryHook<typeof buildProposalCall>(
  buildProposalCallQueryOptions,
);

/** The TanStack Query key of `getProposal`. */
export const getProposalQueryKey = /* @__PURE__ */ createQueryKey<typeof getProposal>("getProposal");
/** TanStack Query options that run `getProposal`. */
export const getProposalQueryOptions = /* @__PURE__ */ createQueryOptions("getProposal", getProposal);
/** `getProposal` as a React hook (`useQuery` of {@link getProposalQueryOptions}). */
export const useProposal = /* @__PURE__ */ createQueryHook<typeof getProposal>(getProposalQueryOptions);

/** The TanStack Query key of `getProposalWithBallots`. */
export const getProposalWithBallotsQueryKey =
  /* @__PURE__ */ createQueryKey<typeof getProposalWithBallots>("getProposalWithBallots");
/**
 * TanStack Query options that run `getProposalWithBallots`: a proposal's page in two requests through the
 * indexer (the proposal with its first ballots, then its live state). The next ballots: the infinite query of
 * `getProposalBallots` from `ballots.next`.
 */
export const getProposalWithBallotsQueryOptions = /* @__PURE__ */ createQueryOptions(
  "getProposalWithBallots",
  getProposalWithBallots,
);
/** `getProposalWithBallots` as a React hook (`useQuery` of {@link getProposalWithBallotsQueryOptions}). */
export const useProposalWithBallots = /* @__PURE__ */ createQueryHook<typeof getProposalWithBallots>(
  getProposalWithBallotsQueryOptions,
);

/** The TanStack Query key of `listProposals`. */
export const listProposalsQueryKey = /* @__PURE__ */ createQueryKey<typeof listProposals>("listProposals");
/** TanStack Query options that run `listProposals`. */
export const listProposalsQueryOptions = /* @__PURE__ */ createQueryOptions("listProposals", listProposals);
/** `listProposals` as a React hook (`useQuery` of {@link listProposalsQueryOptions}). */
export const useListProposals =
  /* @__PURE__ */ createQueryHook<typeof listProposals>(listProposalsQueryOptions);
/** TanStack infinite-query options over the pages of `listProposals` (newest first; "Show more": `fetchNextPage`). */
export const listProposalsInfiniteQueryOptions = /* @__PURE__ */ createInfiniteQueryOptions(
  "listProposals",
  listProposals,
);
/** The pages of `listProposals` as a React hook (`useInfiniteQuery` of {@link listProposalsInfiniteQueryOptions}). */
export const useListProposalsPages = /* @__PURE__ */ createInfiniteQueryHook<typeof listProposals>(
  listProposalsInfiniteQueryOptions,
);

/** The TanStack Query key of `houseState`. */
export const houseStateQueryKey = /* @__PURE__ */ createQueryKey<typeof houseState>("houseState");
/** TanStack Query options that run `houseState`. */
export const houseStateQueryOptions = /* @__PURE__ */ createQueryOptions("houseState", houseState);
/** `houseState` as a React hook (`useQuery` of {@link houseStateQueryOptions}). */
export const useHouseState = /* @__PURE__ */ createQueryHook<typeof houseState>(houseStateQueryOptions);

/** The TanStack Query key of `scanProposalCreations`. */
export const scanProposalCreationsQueryKey =
  /* @__PURE__ */ createQueryKey<typeof scanProposalCreations>("scanProposalCreations");
/** TanStack Query options that run `scanProposalCreations`. */
export const scanProposalCreationsQueryOptions = /* @__PURE__ */ createQueryOptions(
  "scanProposalCreations",
  scanProposalCreations,
);
/** `scanProposalCreations` as a React hook (`useQuery` of {@link scanProposalCreationsQueryOptions}). */
export const useScanProposalCreations = /* @__PURE__ */ createQueryHook<typeof scanProposalCreations>(
  scanProposalCreationsQueryOptions,
);

/** The TanStack Query key of `getProposalBallots`. */
export const getProposalBallotsQueryKey =
  /* @__PURE__ */ createQueryKey<typeof getProposalBallots>("getProposalBallots");
/** TanStack Query options that run `getProposalBallots`. */
export const getProposalBallotsQueryOptions = /* @__PURE__ */ createQueryOptions(
  "getProposalBallots",
  getProposalBallots,
);
/** `getProposalBallots` as a React hook (`useQuery` of {@link getProposalBallotsQueryOptions}). */
export const useProposalBallots = /* @__PURE__ */ createQueryHook<typeof getProposalBallots>(
  getProposalBallotsQueryOptions,
);
/** TanStack infinite-query options over the pages of `getProposalBallots` (oldest first). */
export const getProposalBallotsInfiniteQueryOptions = /* @__PURE__ */ createInfiniteQueryOptions(
  "getProposalBallots",
  getProposalBallots,
);
/** The pages of `getProposalBallots` as a React hook (`useInfiniteQuery` of {@link getProposalBallotsInfiniteQueryOptions}). */
export const useProposalBallotsPages = /* @__PURE__ */ createInfiniteQueryHook<typeof getProposalBallots>(
  getProposalBallotsInfiniteQueryOptions,
);

/** The TanStack Query key of `simulateProposal`. */
export const simulateProposalQueryKey =
  /* @__PURE__ */ createQueryKey<typeof simulateProposal>("simulateProposal");
/** TanStack Query options that run `simulateProposal`. */
export const simulateProposalQueryOptions = /* @__PURE__ */ createQueryOptions(
  "simulateProposal",
  simulateProposal,
);
/** `simulateProposal` as a React hook (`useQuery` of {@link simulateProposalQueryOptions}). */
export const useSimulateProposal = /* @__PURE__ */ createQueryHook<typeof simulateProposal>(
  simulateProposalQueryOptions,
);

/** The TanStack Query key of `getVoteTypedData`. */
export const getVoteTypedDataQueryKey =
  /* @__PURE__ */ createQueryKey<typeof getVoteTypedData>("getVoteTypedData");
/** TanStack Query options that run `getVoteTypedData`. */
export const getVoteTypedDataQueryOptions = /* @__PURE__ */ createQueryOptions(
  "getVoteTypedData",
  getVoteTypedData,
);
/** `getVoteTypedData` as a React hook (`useQuery` of {@link getVoteTypedDataQueryOptions}). */
export const useVoteTypedData = /* @__PURE__ */ createQueryHook<typeof getVoteTypedData>(
  getVoteTypedDataQueryOptions,
);

/** The TanStack Query key of `getVetoTypedData`. */
export const getVetoTypedDataQueryKey =
  /* @__PURE__ */ createQueryKey<typeof getVetoTypedData>("getVetoTypedData");
/** TanStack Query options that run `getVetoTypedData`. */
export const getVetoTypedDataQueryOptions = /* @__PURE__ */ createQueryOptions(
  "getVetoTypedData",
  getVetoTypedData,
);
/** `getVetoTypedData` as a React hook (`useQuery` of {@link getVetoTypedDataQueryOptions}). */
export const useVetoTypedData = /* @__PURE__ */ createQueryHook<typeof getVetoTypedData>(
  getVetoTypedDataQueryOptions,
);

// ─────────────────────────────────────────────────────────────── governance reads: members and treasury

/** The TanStack Query key of `getMemberRoster` (one page). */
export const getMemberRosterQueryKey =
  /* @__PURE__ */ createQueryKey<typeof getMemberRoster>("getMemberRoster");
/** TanStack Query options that run `getMemberRoster` (one page: `limit`, `cursor`, `accounts`). */
export const getMemberRosterQueryOptions = /* @__PURE__ */ createQueryOptions(
  "getMemberRoster",
  getMemberRoster,
);
/** `getMemberRoster` as a React hook (`useQuery` of {@link getMemberRosterQueryOptions}: one page). */
export const useMemberRoster =
  /* @__PURE__ */ createQueryHook<typeof getMemberRoster>(getMemberRosterQueryOptions);
/** TanStack infinite-query options over the roster's pages (the first page, then each `next`). */
export const getMemberRosterInfiniteQueryOptions = /* @__PURE__ */ createInfiniteQueryOptions(
  "getMemberRoster",
  getMemberRoster,
);
/** The roster's pages as a React hook (`useInfiniteQuery`: `fetchNextPage` for "Show more"). */
export const useMemberRosterPages = /* @__PURE__ */ createInfiniteQueryHook<typeof getMemberRoster>(
  getMemberRosterInfiniteQueryOptions,
);

/** The TanStack Query key of `getMemberPowers`. */
export const getMemberPowersQueryKey =
  /* @__PURE__ */ createQueryKey<typeof getMemberPowers>("getMemberPowers");
/** TanStack Query options that run `getMemberPowers` (the accounts of one roster page). */
export const getMemberPowersQueryOptions = /* @__PURE__ */ createQueryOptions(
  "getMemberPowers",
  getMemberPowers,
);
/** `getMemberPowers` as a React hook (`useQuery` of {@link getMemberPowersQueryOptions}). */
export const useMemberPowers =
  /* @__PURE__ */ createQueryHook<typeof getMemberPowers>(getMemberPowersQueryOptions);

/** The TanStack Query key of `getTreasury`. */
export const getTreasuryQueryKey = /* @__PURE__ */ createQueryKey<typeof getTreasury>("getTreasury");
/** TanStack Query options that run `getTreasury`. */
export const getTreasuryQueryOptions = /* @__PURE__ */ createQueryOptions("getTreasury", getTreasury);
/** `getTreasury` as a React hook (`useQuery` of {@link getTreasuryQueryOptions}). */
export const useTreasury = /* @__PURE__ */ createQueryHook<typeof getTreasury>(getTreasuryQueryOptions);

// ─────────────────────────────────────────────────────────────── cells writes

/** TanStack Query mutation options that run `createCell`. */
export const createCellMutationOptions = /* @__PURE__ */ createMutationOptions("createCell", createCell);

/** TanStack Query mutation options that run `addMember`. */
export const addMemberMutationOptions = /* @__PURE__ */ createMutationOptions("addMember", addMember);

/** TanStack Query mutation options that run `addMembers`. */
export const addMembersMutationOptions = /* @__PURE__ */ createMutationOptions("addMembers", addMembers);

/** TanStack Query mutation options that run `setRoles`. */
export const setRolesMutationOptions = /* @__PURE__ */ createMutationOptions("setRoles", setRoles);

/** TanStack Query mutation options that run `removeMember`. */
export const removeMemberMutationOptions = /* @__PURE__ */ createMutationOptions(
  "removeMember",
  removeMember,
);

/** TanStack Query mutation options that run `requestToJoin`. */
export const requestToJoinMutationOptions = /* @__PURE__ */ createMutationOptions(
  "requestToJoin",
  requestToJoin,
);

/** TanStack Query mutation options that run `cancelJoinRequest`. */
export const cancelJoinRequestMutationOptions = /* @__PURE__ */ createMutationOptions(
  "cancelJoinRequest",
  cancelJoinRequest,
);

/** TanStack Query mutation options that run `approveJoin`. */
export const approveJoinMutationOptions = /* @__PURE__ */ createMutationOptions("approveJoin", approveJoin);

/** TanStack Query mutation options that run `rejectJoin`. */
export const rejectJoinMutationOptions = /* @__PURE__ */ createMutationOptions("rejectJoin", rejectJoin);

/** TanStack Query mutation options that run `leaveCell`. */
export const leaveCellMutationOptions = /* @__PURE__ */ createMutationOptions("leaveCell", leaveCell);

/** TanStack Query mutation options that run `setPhase`. */
export const setPhaseMutationOptions = /* @__PURE__ */ createMutationOptions("setPhase", setPhase);

/** TanStack Query mutation options that run `updateNucleus`. */
export const updateNucleusMutationOptions = /* @__PURE__ */ createMutationOptions(
  "updateNucleus",
  updateNucleus,
);

/** TanStack Query mutation options that run `declareState`. */
export const declareStateMutationOptions = /* @__PURE__ */ createMutationOptions(
  "declareState",
  declareState,
);

/** TanStack Query mutation options that run `signalIntent`. */
export const signalIntentMutationOptions = /* @__PURE__ */ createMutationOptions(
  "signalIntent",
  signalIntent,
);

/** TanStack Query mutation options that run `setDecisionOwner`. */
export const setDecisionOwnerMutationOptions = /* @__PURE__ */ createMutationOptions(
  "setDecisionOwner",
  setDecisionOwner,
);

/** TanStack Query mutation options that run `setRecognised`. */
export const setRecognisedMutationOptions = /* @__PURE__ */ createMutationOptions(
  "setRecognised",
  setRecognised,
);

/** TanStack Query mutation options that run `transferGovernance`. */
export const transferGovernanceMutationOptions = /* @__PURE__ */ createMutationOptions(
  "transferGovernance",
  transferGovernance,
);

// ─────────────────────────────────────────────────────────────── agreements writes

/** TanStack Query mutation options that run `proposeAgreement`. */
export const proposeAgreementMutationOptions = /* @__PURE__ */ createMutationOptions(
  "proposeAgreement",
  proposeAgreement,
);

/** TanStack Query mutation options that run `amendAgreement`. */
export const amendAgreementMutationOptions = /* @__PURE__ */ createMutationOptions(
  "amendAgreement",
  amendAgreement,
);

/** TanStack Query mutation options that run `amendAgreementForCell`. */
export const amendAgreementForCellMutationOptions = /* @__PURE__ */ createMutationOptions(
  "amendAgreementForCell",
  amendAgreementForCell,
);

/** TanStack Query mutation options that run `acknowledgeAgreement`. */
export const acknowledgeAgreementMutationOptions = /* @__PURE__ */ createMutationOptions(
  "acknowledgeAgreement",
  acknowledgeAgreement,
);

/** TanStack Query mutation options that run `acknowledgeAgreementForCell`. */
export const acknowledgeAgreementForCellMutationOptions = /* @__PURE__ */ createMutationOptions(
  "acknowledgeAgreementForCell",
  acknowledgeAgreementForCell,
);

/** TanStack Query mutation options that run `acknowledgeAgreements`. */
export const acknowledgeAgreementsMutationOptions = /* @__PURE__ */ createMutationOptions(
  "acknowledgeAgreements",
  acknowledgeAgreements,
);

/** TanStack Query mutation options that run `acknowledgeAgreementBySig`. */
export const acknowledgeAgreementBySigMutationOptions = /* @__PURE__ */ createMutationOptions(
  "acknowledgeAgreementBySig",
  acknowledgeAgreementBySig,
);

/** TanStack Query mutation options that run `acknowledgeAgreementForCellBySig`. */
export const acknowledgeAgreementForCellBySigMutationOptions = /* @__PURE__ */ createMutationOptions(
  "acknowledgeAgreementForCellBySig",
  acknowledgeAgreementForCellBySig,
);

/** TanStack Query mutation options that run `submitAgreementSignatures`. */
export const submitAgreementSignaturesMutationOptions = /* @__PURE__ */ createMutationOptions(
  "submitAgreementSignatures",
  submitAgreementSignatures,
);

/** TanStack Query mutation options that run `invalidateAgreementNonce`. */
export const invalidateAgreementNonceMutationOptions = /* @__PURE__ */ createMutationOptions(
  "invalidateAgreementNonce",
  invalidateAgreementNonce,
);

/** TanStack Query mutation options that run `declineAgreement`. */
export const declineAgreementMutationOptions = /* @__PURE__ */ createMutationOptions(
  "declineAgreement",
  declineAgreement,
);

/** TanStack Query mutation options that run `declineAgreementForCell`. */
export const declineAgreementForCellMutationOptions = /* @__PURE__ */ createMutationOptions(
  "declineAgreementForCell",
  declineAgreementForCell,
);

/** TanStack Query mutation options that run `withdrawAgreement`. */
export const withdrawAgreementMutationOptions = /* @__PURE__ */ createMutationOptions(
  "withdrawAgreement",
  withdrawAgreement,
);

/** TanStack Query mutation options that run `terminateAgreement`. */
export const terminateAgreementMutationOptions = /* @__PURE__ */ createMutationOptions(
  "terminateAgreement",
  terminateAgreement,
);

/** TanStack Query mutation options that run `terminateAgreementForCell`. */
export const terminateAgreementForCellMutationOptions = /* @__PURE__ */ createMutationOptions(
  "terminateAgreementForCell",
  terminateAgreementForCell,
);

// ─────────────────────────────────────────────────────────────── leases writes

/** TanStack Query mutation options that run `registerResource`. */
export const registerResourceMutationOptions = /* @__PURE__ */ createMutationOptions(
  "registerResource",
  registerResource,
);

/** TanStack Query mutation options that run `setResourcePolicy`. */
export const setResourcePolicyMutationOptions = /* @__PURE__ */ createMutationOptions(
  "setResourcePolicy",
  setResourcePolicy,
);

/** TanStack Query mutation options that run `acquireLease`. */
export const acquireLeaseMutationOptions = /* @__PURE__ */ createMutationOptions(
  "acquireLease",
  acquireLease,
);

/** TanStack Query mutation options that run `renewLease`. */
export const renewLeaseMutationOptions = /* @__PURE__ */ createMutationOptions("renewLease", renewLease);

/** TanStack Query mutation options that run `releaseLease`. */
export const releaseLeaseMutationOptions = /* @__PURE__ */ createMutationOptions(
  "releaseLease",
  releaseLease,
);

/** TanStack Query mutation options that run `revokeLease`. */
export const revokeLeaseMutationOptions = /* @__PURE__ */ createMutationOptions("revokeLease", revokeLease);

/** TanStack Query mutation options that run `enqueueForLease`. */
export const enqueueForLeaseMutationOptions = /* @__PURE__ */ createMutationOptions(
  "enqueueForLease",
  enqueueForLease,
);

/** TanStack Query mutation options that run `leaveLeaseQueue`. */
export const leaveLeaseQueueMutationOptions = /* @__PURE__ */ createMutationOptions(
  "leaveLeaseQueue",
  leaveLeaseQueue,
);

/** TanStack Query mutation options that run `reserveResource`. */
export const reserveResourceMutationOptions = /* @__PURE__ */ createMutationOptions(
  "reserveResource",
  reserveResource,
);

/** TanStack Query mutation options that run `cancelReservation`. */
export const cancelReservationMutationOptions = /* @__PURE__ */ createMutationOptions(
  "cancelReservation",
  cancelReservation,
);

/** TanStack Query mutation options that run `pruneReservations`. */
export const pruneReservationsMutationOptions = /* @__PURE__ */ createMutationOptions(
  "pruneReservations",
  pruneReservations,
);

/** TanStack Query mutation options that run `setResourceLimits`. */
export const setResourceLimitsMutationOptions = /* @__PURE__ */ createMutationOptions(
  "setResourceLimits",
  setResourceLimits,
);

// ─────────────────────────────────────────────────────────────── governance writes

/** TanStack Query mutation options that run `proposeGovernance`. */
export const proposeGovernanceMutationOptions = /* @__PURE__ */ createMutationOptions(
  "proposeGovernance",
  proposeGovernance,
);

/** TanStack Query mutation options that run `carryProposal`. */
export const carryProposalMutationOptions = /* @__PURE__ */ createMutationOptions(
  "carryProposal",
  carryProposal,
);

/** TanStack Query mutation options that run `castGovernanceVote`. */
export const castGovernanceVoteMutationOptions = /* @__PURE__ */ createMutationOptions(
  "castGovernanceVote",
  castGovernanceVote,
);

/** TanStack Query mutation options that run `castOverrideVote`. */
export const castOverrideVoteMutationOptions = /* @__PURE__ */ createMutationOptions(
  "castOverrideVote",
  castOverrideVote,
);

/** TanStack Query mutation options that run `castVoteBySig`. */
export const castVoteBySigMutationOptions = /* @__PURE__ */ createMutationOptions(
  "castVoteBySig",
  castVoteBySig,
);

/** TanStack Query mutation options that run `submitVotes`. */
export const submitVotesMutationOptions = /* @__PURE__ */ createMutationOptions("submitVotes", submitVotes);

/** TanStack Query mutation options that run `delegateVotes`. */
export const delegateVotesMutationOptions = /* @__PURE__ */ createMutationOptions(
  "delegateVotes",
  delegateVotes,
);

/** TanStack Query mutation options that run `vetoProposal`. */
export const vetoProposalMutationOptions = /* @__PURE__ */ createMutationOptions(
  "vetoProposal",
  vetoProposal,
);

/** TanStack Query mutation options that run `castVetoBySig`. */
export const castVetoBySigMutationOptions = /* @__PURE__ */ createMutationOptions(
  "castVetoBySig",
  castVetoBySig,
);

/** TanStack Query mutation options that run `submitVetoes`. */
export const submitVetoesMutationOptions = /* @__PURE__ */ createMutationOptions(
  "submitVetoes",
  submitVetoes,
);

/** TanStack Query mutation options that run `queueProposal`. */
export const queueProposalMutationOptions = /* @__PURE__ */ createMutationOptions(
  "queueProposal",
  queueProposal,
);

/** TanStack Query mutation options that run `executeProposal`. */
export const executeProposalMutationOptions = /* @__PURE__ */ createMutationOptions(
  "executeProposal",
  executeProposal,
);

/** TanStack Query mutation options that run `cancelProposal`. */
export const cancelProposalMutationOptions = /* @__PURE__ */ createMutationOptions(
  "cancelProposal",
  cancelProposal,
);
