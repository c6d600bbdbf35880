export const ROLES = ['officer', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who may call a method, by group: contracts name these, never a retyped list, so a
 * new role is added in one place.
 */
export const signedIn = ROLES;
export const supervisors = ['supervisor', 'admin'] as const satisfies readonly Role[];
export const admins = ['admin'] as const satisfies readonly Role[];

export const roleLabel: Record<Role, string> = {
  officer: 'Officer',
  supervisor: 'Supervisor',
  admin: 'Administrator',
};
