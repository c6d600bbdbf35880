export const ROLES = ['officer', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const roleLabel: Record<Role, string> = {
  officer: 'Officer',
  supervisor: 'Supervisor',
  admin: 'Administrator',
};
