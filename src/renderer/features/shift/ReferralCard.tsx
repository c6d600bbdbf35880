import { useState } from 'react';
import { call } from '../../lib/api';
import { useQuery } from '../../lib/useQuery';
import { useSubmit } from '../../lib/useSubmit';
import { downloadPdf } from '../../lib/downloadPdf';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { ErrorNotice, StatusNotice } from '../../components/Notice';
import type { Resource } from '../../../shared/contract';
import { CARD_MAX, RESOURCE_KIND_WORDS } from '../../../shared/shift-words';

/**
 * Referring a patron to community services: find them by what the patron needs
 * ("food", "shelter tonight", "Spanish"), tick up to four, and print a half-page card in
 * large type (no patron on it), or just count a referral given by word of mouth.
 */
export function ReferralCard({ branchId, preselect }: { branchId: string | null; preselect: string | null }) {
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<string[]>(() => (preselect ? [preselect] : []));
  const [said, setSaid] = useState<string | undefined>(undefined);
  const all = useQuery('resources.list', {}, { refetchOn: ['resources.changed'] });
  const found = useQuery('resources.search', { text, limit: 20 }, { enabled: text.trim() !== '' });
  const submit = useSubmit();
  const shown: Resource[] = text.trim() ? (found.value ?? []) : (all.value ?? []);
  const byId = new Map((all.value ?? []).map((r) => [r.id, r]));

  function toggle(id: string) {
    setSaid(undefined);
    setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : c.length < CARD_MAX ? [...c, id] : c));
  }

  async function print() {
    const done = await submit.run(() =>
      downloadPdf(() => call('resources.referralCard', { resourceIds: chosen, branchId })),
    );
    if (done) {
      setSaid(`Referral card ready: ${done.fileName}. The referral is counted (no name kept).`);
      setChosen([]);
    }
  }
  async function count() {
    const done = await submit.run(() => call('resources.countReferral', { resourceIds: chosen, branchId }));
    if (done) {
      setSaid(`Referral counted (${done.counted} ${done.counted === 1 ? 'service' : 'services'}; no name kept).`);
      setChosen([]);
    }
  }

  return (
    <section className="duty-card shift-referral" aria-labelledby="referral-title">
      <h3 id="referral-title">Community services</h3>
      {all.value && all.value.length === 0 ? (
        <p className="muted">
          No services in the directory yet: an administrator adds them in Settings → Community services.
        </p>
      ) : (
        <>
          <TextField
            label="Find a service"
            type="search"
            value={text}
            onChange={setText}
            placeholder="What the patron needs: shelter, food, crisis, Spanish…"
          />
          <ul className="resource-list" aria-label="Services">
            {shown.map((r) => (
              <li key={r.id}>
                <label className="resource-choice">
                  <input
                    type="checkbox"
                    checked={chosen.includes(r.id)}
                    disabled={!chosen.includes(r.id) && chosen.length >= CARD_MAX}
                    onChange={() => toggle(r.id)}
                  />
                  <span>
                    <strong>{r.name}</strong> <span className="badge">{RESOURCE_KIND_WORDS[r.kind]}</span>
                    <span className="resource-facts">
                      {[r.phone, r.hours, r.languages.join(', ')].filter(Boolean).join(' · ')}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {text.trim() && found.value?.length === 0 && <p className="muted">No service matches “{text}”.</p>}
          <p className="small muted" aria-live="polite">
            {chosen.length
              ? `Chosen (${chosen.length} of at most ${CARD_MAX}): ${chosen.map((id) => byId.get(id)?.name ?? '').join(', ')}`
              : `Tick up to ${CARD_MAX} services.`}
          </p>
          <StatusNotice message={said} />
          <ErrorNotice error={submit.error} />
          <div className="form-actions">
            <Button variant="primary" disabled={chosen.length === 0 || submit.pending} onClick={() => void print()}>
              Print referral card
            </Button>
            <Button disabled={chosen.length === 0 || submit.pending} onClick={() => void count()}>
              Count referral without a card
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
