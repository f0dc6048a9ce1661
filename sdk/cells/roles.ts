/**
 * Role bits of the CellRegistry (`ICellRegistry.sol`): a non-zero role set always includes MEMBER;
 * other bits are reserved.
 */
import { InvalidInputError } from "../errors.ts";

/**
 * The role bits. Combine them with `|`: `Roles.MEMBER | Roles.STEWARD` is 3.
 *
 * @example
 * import { Roles } from "@concord-dao/sdk";
 *
 * await concord.cells.addMember({ cellId, account, roles: Roles.MEMBER | Roles.STEWARD });
 */
export const Roles = { MEMBER: 1, STEWARD: 2, DELEGATE: 4 } as const;

/**
 * Every defined role bit (7).
 *
 * @example
 * import { ROLES_ALL } from "@concord-dao/sdk";
 *
 * await concord.cells.setRoles({ cellId, account, roles: ROLES_ALL }); // member, steward and delegate
 */
export const ROLES_ALL = Roles.MEMBER | Roles.STEWARD | Roles.DELEGATE;

/** A role's name, as used by {@link rolesToNames} and accepted by writes. */
export type RoleName = "member" | "steward" | "delegate";

/** A role set: the bitmask, or a list of role names (`["member", "steward"]`). */
export type RolesInput = number | readonly RoleName[];

const ROLE_BITS: readonly (readonly [RoleName, number])[] = [
  ["member", Roles.MEMBER],
  ["steward", Roles.STEWARD],
  ["delegate", Roles.DELEGATE],
];

/**
 * The names of the roles in a bitmask, in bit order. Reserved bits are ignored.
 *
 * @example
 * import { rolesToNames } from "@concord-dao/sdk";
 *
 * rolesToNames(3); // ["member", "steward"]
 * rolesToNames(0); // []
 */
export function rolesToNames(roles: number): RoleName[] {
  return ROLE_BITS.filter(([, bit]) => (roles & bit) !== 0).map(([name]) => name);
}

/**
 * The bitmask of a list of role names (MEMBER is not added implicitly).
 *
 * @example
 * import { namesToRoles } from "@concord-dao/sdk";
 *
 * namesToRoles(["member", "delegate"]); // 5
 */
export function namesToRoles(names: readonly RoleName[]): number {
  let roles = 0;
  for (const name of names) {
    const entry = ROLE_BITS.find(([candidate]) => candidate === name);
    if (!entry) throw new InvalidInputError("roles", names, `unknown role "${String(name)}"`);
    roles |= entry[1];
  }
  return roles;
}

/**
 * Whether `roles` includes `role`.
 *
 * @example
 * import { Roles, hasRole } from "@concord-dao/sdk";
 *
 * hasRole(3, Roles.STEWARD); // true
 * hasRole(3, "delegate"); // false
 */
export function hasRole(roles: number, role: number | RoleName): boolean {
  const bit = typeof role === "number" ? role : namesToRoles([role]);
  return (roles & bit) === bit && bit !== 0;
}

/**
 * Validates a role set for `addMember`/`setRoles`: an integer 1..7 that includes MEMBER, as the
 * contract requires. Returns the bitmask.
 *
 * @throws {InvalidInputError} for reserved bits, a missing MEMBER bit or a non-integer.
 * @example
 * import { toRoles } from "@concord-dao/sdk";
 *
 * toRoles(["member", "steward"]); // 3
 * toRoles(2); // throws InvalidInputError: roles must include MEMBER
 */
export function toRoles(roles: RolesInput, parameter = "roles"): number {
  const bits = typeof roles === "number" ? roles : namesToRoles(roles);
  if (!Number.isInteger(bits) || bits < 0 || bits > 255) {
    throw new InvalidInputError(parameter, roles, "expected an integer bitmask between 0 and 255");
  }
  if ((bits & ~ROLES_ALL) !== 0) {
    throw new InvalidInputError(
      parameter,
      roles,
      `uses reserved bits (${bits & ~ROLES_ALL}); only 1, 2 and 4 exist`,
    );
  }
  if ((bits & Roles.MEMBER) === 0) {
    throw new InvalidInputError(parameter, roles, "a role set must include MEMBER (1)");
  }
  return bits;
}
