import { Button } from '../../../components/Button';
import { Unseen } from '../../../components/Unseen';
import type { GuidelineRule } from '../../../../shared/contract';
import { SEVERITY_TIER } from './severity';

interface GuidelineRowProps {
  rule: GuidelineRule;
  open: boolean;
  busy: boolean;
  detailsId: string;
  onToggle: (rule: GuidelineRule) => void;
  onEdit: (rule: GuidelineRule) => void;
  onSetRetired: (rule: GuidelineRule, retired: boolean) => void;
}

/**
 * One rule on one line; the title opens its wording and versions beneath it
 * (a separate Details button would not fit beside the camera wall at 1280 px).
 */
export function GuidelineRow({ rule, open, busy, detailsId, onToggle, onEdit, onSetRetired }: GuidelineRowProps) {
  return (
    <tr className={rule.retired ? 'is-retired' : undefined}>
      <td>
        <code>{rule.code}</code>
      </td>
      <th scope="row">
        <button
          type="button"
          className="disclosure"
          aria-expanded={open}
          aria-controls={open ? detailsId : undefined}
          onClick={() => onToggle(rule)}
        >
          <span className="disclosure-mark" aria-hidden="true">
            ▸
          </span>
          <span>
            {rule.title}
            <Unseen> — wording and versions</Unseen>
          </span>
        </button>
      </th>
      <td className={`severity severity-${rule.severity}`}>{SEVERITY_TIER[rule.severity]}</td>
      <td>
        {rule.retired ? <span className="badge badge-retired">Retired</span> : 'In use'}
        <span className="guideline-version muted">Version {rule.version}</span>
      </td>
      <td className="cell-actions">
        <Button small variant="quiet" onClick={() => onEdit(rule)}>
          Edit<Unseen> {rule.title}</Unseen>
        </Button>
        <Button small variant="quiet" disabled={busy} onClick={() => onSetRetired(rule, !rule.retired)}>
          {rule.retired ? 'Restore' : 'Retire'}
          <Unseen> {rule.title}</Unseen>
        </Button>
      </td>
    </tr>
  );
}
