import type { ReactNode } from 'react';
import type { IncidentRecord } from '../../../shared/contract';
import { AttachmentCard, pictureSize } from './Attachment';
import { ClipCard } from './ClipCard';
import { formatWhen } from './localTime';
import { formatClockSeconds, formatDay } from '../../lib/time';
import { EMERGENCY_WORD, ROLE_WORD, SEVERITY_WORD, SEX_WORD } from './words';
import { ReplayFromReport } from '../replay/ReplayFromReport';
import { replayMoment } from '../replay/replay-time';

/** One fact: a term and its value; an empty value reads "Not recorded" so a gap is never mistaken for "none". */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  const empty = children === '' || children === null || children === undefined;
  return (
    <>
      <dt>{term}</dt>
      <dd className={empty ? 'muted' : undefined}>{empty ? 'Not recorded' : children}</dd>
    </>
  );
}

function Text({ title, text }: { title: string; text: string }) {
  return (
    <section className="report-block">
      <h4>{title}</h4>
      {text.trim() ? <p className="report-text">{text}</p> : <p className="muted">None recorded.</p>}
    </section>
  );
}

/** Everything the report says, as filed and amended: fields, rules, persons, responders, cameras, pictures. */
export function ReportContent({ record, mediaBase }: { record: IncidentRecord; mediaBase: string }) {
  const { content: c, branch } = record;
  const tz = branch.timeZone;
  const when = (iso: string | null) => (iso ? formatWhen(iso, tz) : '');
  return (
    <>
      <dl className="facts report-facts">
        <Fact term="Branch">
          {branch.name} ({branch.code})
        </Fact>
        <Fact term="Zone">{record.zoneName ?? ''}</Fact>
        <Fact term="Started">{when(c.occurredFrom)}</Fact>
        <Fact term="Ended">{when(c.occurredTo)}</Fact>
        <Fact term="Severity">{SEVERITY_WORD[c.severity]}</Fact>
        <Fact term="Reported">
          {when(record.reportedAt)} by {record.reporter.name}
        </Fact>
      </dl>

      <Text title="Summary" text={c.summary} />
      <section className="report-block">
        <h4>Rules broken</h4>
        <ul className="report-rules">
          {record.rules.map((r) => (
            <li key={r.versionId}>
              <strong>{r.code}</strong> — {r.title} <span className="muted small">(wording version {r.version})</span>
              <p className="muted small">{r.description}</p>
            </li>
          ))}
        </ul>
      </section>
      <Text title="Narrative" text={c.narrative} />
      <Text title="Actions taken" text={c.actions} />

      <section className="report-block">
        <h4>Persons involved ({c.persons.length})</h4>
        {c.persons.length === 0 && <p className="muted">Nobody recorded.</p>}
        {c.persons.map((p, i) => (
          <dl key={i} className="facts person-facts">
            <Fact term="Role">{ROLE_WORD[p.role]}</Fact>
            <Fact term="Name">
              {p.name}
              {p.personId ? ' (known person)' : ''}
            </Fact>
            <Fact term="Sex">{SEX_WORD[p.sex]}</Fact>
            <Fact term="Age estimate">{p.ageEstimate}</Fact>
            <Fact term="Height">{p.height}</Fact>
            <Fact term="Build">{p.build}</Fact>
            <Fact term="Hair">{p.hair}</Fact>
            <Fact term="Clothing">{p.clothing}</Fact>
            <Fact term="Distinguishing marks">{p.marks}</Fact>
          </dl>
        ))}
      </section>

      <section className="report-block">
        <h4>Police</h4>
        {c.police ? (
          <dl className="facts">
            <Fact term="Agency">{c.police.agency}</Fact>
            <Fact term="Called">{when(c.police.calledAt)}</Fact>
            <Fact term="Arrived">{when(c.police.arrivedAt)}</Fact>
            <Fact term="Officer">{c.police.officerName}</Fact>
            <Fact term="Badge">{c.police.badge}</Fact>
            <Fact term="Case number">{c.police.caseNumber}</Fact>
          </dl>
        ) : (
          <p className="muted">Police were not contacted.</p>
        )}
      </section>
      <section className="report-block">
        <h4>EMS or fire</h4>
        {c.emergency ? (
          <dl className="facts">
            <Fact term="Called">{EMERGENCY_WORD[c.emergency.kind]}</Fact>
            <Fact term="Agency">{c.emergency.agency}</Fact>
            <Fact term="Called at">{when(c.emergency.calledAt)}</Fact>
            <Fact term="Arrived">{when(c.emergency.arrivedAt)}</Fact>
          </dl>
        ) : (
          <p className="muted">EMS and fire were not called.</p>
        )}
      </section>
      <Text title="Injuries" text={c.injuries} />
      <Text title="Property damage" text={c.propertyDamage} />
      <Text title="Staff assistance" text={c.staffAssistance} />

      <section className="report-block">
        <h4>Camera footage</h4>
        {record.cameras.length === 0 && <p className="muted">No camera footage referenced.</p>}
        <ul className="camera-refs">
          {record.cameras.map((cam, i) => (
            <li key={i}>
              <span>
                {cam.cameraName}: {formatClockSeconds(new Date(cam.from), tz)}, {formatDay(new Date(cam.from), tz)} to{' '}
                {formatClockSeconds(new Date(cam.to), tz)}
              </span>
              <ReplayFromReport
                cameraId={cam.cameraId}
                cameraName={cam.cameraName}
                from={replayMoment(cam, c.occurredFrom)}
                to={cam.to}
                timeZone={tz}
              />
            </li>
          ))}
        </ul>
      </section>
      <section className="report-block">
        <h4>Attachments ({record.attachments.length})</h4>
        {record.attachments.length === 0 && <p className="muted">No attachments.</p>}
        <ul className="attachment-list" aria-label="Attachments">
          {record.attachments.map((a) => {
            if (a.kind === 'clip') {
              const camera = record.cameras.find((cam) => cam.cameraId === a.cameraId)?.cameraName ?? 'Camera';
              return (
                <li key={a.id}>
                  <ClipCard clip={a} cameraName={camera} mediaBase={mediaBase} timeZone={tz} />
                </li>
              );
            }
            const size = pictureSize(a.width, a.height, a.bytes);
            const photo = a.kind === 'photo';
            const source = photo
              ? 'Image file'
              : (record.cameras.find((cam) => cam.cameraId === a.cameraId)?.cameraName ?? 'Camera');
            const at = formatClockSeconds(new Date(photo ? a.takenAt : (a.frameTime ?? a.takenAt)), tz);
            const replayFrom = !photo && a.cameraId ? (a.frameTime ?? a.takenAt) : null;
            return (
              <li key={a.id}>
                <AttachmentCard
                  sha256={a.sha256}
                  mediaBase={mediaBase}
                  kind={a.kind}
                  mediaType={a.mediaType}
                  alt={photo ? `Image file added at ${at}` : `${source} at ${at}`}
                  caption={photo ? `${source}, added ${at} · ${size}` : `${source}, ${at} · ${size}`}
                />
                {replayFrom && a.cameraId && (
                  <ReplayFromReport cameraId={a.cameraId} cameraName={source} from={replayFrom} timeZone={tz} />
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
