import { useEffect, useState } from 'react';
import { call } from '../../../lib/api';
import type { Result } from '../../../lib/api';
import { ErrorNotice } from '../../../components/Notice';
import { formatDateTime } from '../../../lib/time';
import type { GuidelineRule, GuidelineVersion } from '../../../../shared/contract';
import { SEVERITY_TIER } from './severity';

/** A rule's full wording and every earlier wording, newest first: what reports filed back then quote. */
export function GuidelineHistory({ rule }: { rule: GuidelineRule }) {
  const [result, setResult] = useState<Result<GuidelineVersion[]> | undefined>(undefined);

  // Loaded again whenever the rule gains a version, so a fresh edit shows at once.
  useEffect(() => {
    let live = true;
    void call('guidelines.history', { id: rule.id }).then((r) => {
      if (live) setResult(r);
    });
    return () => {
      live = false;
    };
  }, [rule.id, rule.versionId]);

  const versions = result?.ok ? [...result.value].reverse() : [];
  return (
    <div className="guideline-detail">
      <p className="guideline-description">{rule.description}</p>
      <ErrorNotice error={result && !result.ok ? result.error : undefined} />
      {!result && <p className="muted">Loading versions…</p>}
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
