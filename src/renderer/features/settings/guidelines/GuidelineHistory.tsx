import { ErrorNotice } from '../../../components/Notice';
import { formatDateTime } from '../../../lib/time';
import { useQuery } from '../../../lib/useQuery';
import type { GuidelineRule } from '../../../../shared/contract';
import { SEVERITY_TIER } from './severity';

/** A rule's full wording and every earlier wording, newest first: what reports filed back then quote. */
export function GuidelineHistory({ rule }: { rule: GuidelineRule }) {
  // Loaded again whenever the rule gains a version, so a fresh edit shows at once.
  const history = useQuery('guidelines.history', { id: rule.id }, { deps: [rule.versionId] });

  const versions = history.value ? [...history.value].reverse() : [];
  return (
    <div className="guideline-detail">
      <p className="guideline-description">{rule.description}</p>
      <ErrorNotice error={history.error} />
      {history.loading && <p className="muted">Loading versions…</p>}
      {versions.length > 0 && (
        <table className="table guideline-history">
          <caption>Versions of {rule.title}</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Saved</th>
              <th scope="col">Wording</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.versionId}>
                <th scope="row">
                  {v.version}
                  {v.version === rule.version && <span className="badge badge-ok">Current</span>}
                </th>
                <td className="guideline-saved">
                  <time dateTime={v.createdAt}>{formatDateTime(new Date(v.createdAt))}</time>
                  {/* Versions nobody saved came from the library's default set. */}
                  <span className="muted">{v.createdByName ?? 'Library defaults'}</span>
                </td>
                <td>
                  <span className="guideline-wording-head">
                    <code>{v.code}</code> {v.title} · {SEVERITY_TIER[v.severity]}
                  </span>
                  <span className="guideline-wording">{v.description}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
