import { ROLES, roleLabel } from '../../../../shared/roles';

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: roleLabel[r] }));
