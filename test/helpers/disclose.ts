import type { DisclosureInput } from '../../src/shared/contract/disclosure';

/** A Disclose step for tests that export for the library's own file (the desk's everyday case). */
export const forTheFile: DisclosureInput = {
  basis: 'library-administration',
  recipient: 'Branch manager',
  purpose: 'Kept with the branch’s incident file',
  caseNumber: '',
  caseNumberGiven: false,
};

/** A police request under 43.30(5)(a), with the case number the officer gave. */
export const forPolice: DisclosureInput = {
  basis: 'police-crime-at-library',
  recipient: 'Officer Diaz, Madison PD',
  purpose: 'Theft from a patron’s bag in the lobby',
  caseNumber: '26-1234',
  caseNumberGiven: true,
};
