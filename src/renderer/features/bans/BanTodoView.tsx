import { useId } from 'react';
import type { BanSummary, BanTodo, Branch } from '../../../shared/contract';
import { useMainNow } from '../../lib/mainClock';
import { Unseen } from '../../components/Unseen';
import { dayWords, deadlineWords, whenWords } from './format';
import { banTimeZone, stepLabel } from './words';

interface TodoRow {
  ban: BanSummary;
  /** What is due, in words: "appeal by Thu 10 Dec", "meeting Tue 8 Dec, 17:00". */
  fact: string;
}

interface BanTodoViewProps {
  todo: BanTodo;
  branches: readonly Branch[];
  preferred: Branch | undefined;
  openId: string | undefined;
  onOpen: (id: string) => void;
}

/**
 * What needs doing on bans, in the order the desk acts on it: approvals, notices to
 * hand over, appeal deadlines, reinstatement meetings and bans ending this week.
 */
export function BanTodoView({ todo, branches, preferred, openId, onOpen }: BanTodoViewProps) {
  const now = useMainNow(60_000);
  const headId = useId();
  const tz = (b: BanSummary) => banTimeZone(b, branches, preferred);
  const groups: { title: string; rows: TodoRow[] }[] = [
    {
      title: 'Waiting for a supervisor’s approval',
      rows: todo.pendingApprovals.map((ban) => ({
        ban,
        fact: `${stepLabel(ban.step).toLowerCase()} from ${dayWords(ban.startsAt, tz(ban), now)}`,
      })),
    },
    {
      title: 'Notices to deliver',
      rows: todo.noticesToDeliver.map((ban) => ({ ban, fact: 'print the notice, hand it over, record it' })),
    },
    {
      title: 'Appeal deadlines',
      rows: todo.appealDeadlines.map((ban) => ({
        ban,
        fact: `appeals close at ${deadlineWords(ban.appealDeadline, tz(ban), now)}`,
      })),
    },
    {
      title: 'Reinstatement meetings this week',
      rows: todo.meetingsThisWeek.map((ban) => ({ ban, fact: `meeting ${whenWords(ban.meetingAt, tz(ban), now)}` })),
    },
    {
      title: 'Bans ending this week',
      rows: todo.endingThisWeek.map((ban) => ({
        ban,
        fact: `ends ${whenWords(ban.endsAt!, tz(ban), now)}${ban.meetingRequired ? ', meeting required' : ''}`,
      })),
    },
  ];
  const count = groups.reduce((n, g) => n + g.rows.length, 0);

  return (
    <section className="ban-todo" aria-labelledby={headId}>
      <h3 id={headId} className="pane-subtitle">
        What needs doing <span className="muted">({count})</span>
      </h3>
      {count === 0 && <p className="muted">Nothing waits on the desk: no approvals, notices, deadlines or meetings.</p>}
      {groups
        .filter((g) => g.rows.length > 0)
        .map((g) => (
          <div key={g.title} className="todo-group">
            <h4 className="todo-title">
              {g.title} <span className="muted">({g.rows.length})</span>
            </h4>
            <ul className="todo-rows">
              {g.rows.map(({ ban, fact }) => (
                <li key={`${g.title}-${ban.id}`}>
                  <button
                    type="button"
                    className={`todo-row${ban.id === openId ? ' is-open' : ''}`}
                    aria-current={ban.id === openId ? 'true' : undefined}
                    onClick={() => onOpen(ban.id)}
                  >
                    <strong className="row-number">{ban.number}</strong>
                    <span className="todo-person">{ban.personName}</span>
                    <span className="todo-fact">
                      <Unseen>, </Unseen>
                      {fact}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
    </section>
  );
}
