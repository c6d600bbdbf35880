import { call } from '../../lib/api';
import type { Result } from '../../lib/api';
import { mainNow } from '../../lib/mainClock';
import type { Draft } from '../../../shared/contract';
import { EMPTY_CONTENT, EMPTY_PERSON } from '../incidents/draftContent';

/**
 * A new report draft about a person on file: they are its subject (described as their
 * record describes them), at the desk's branch, starting now; the desk fills in the rest.
 */
export async function startIncidentAbout(personId: string, branchId: string | null): Promise<Result<Draft>> {
  const found = await call('persons.get', { id: personId });
  if (!found.ok) return found;
  const p = found.value.person;
  const now = mainNow();
  now.setSeconds(0, 0);
  return call('incidents.createDraft', {
    content: {
      ...EMPTY_CONTENT,
      branchId,
      occurredFrom: now.toISOString(),
      persons: [
        {
          ...EMPTY_PERSON,
          role: 'subject',
          personId: p.id,
          name: p.name,
          sex: p.sex,
          ageEstimate: p.ageEstimate,
          height: p.height,
          build: p.build,
          hair: p.hair,
          marks: p.marks,
        },
      ],
    },
  });
}
