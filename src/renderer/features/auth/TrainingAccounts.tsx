import { roleLabel, ROLES } from '../../../shared/roles';
import type { Role } from '../../../shared/roles';
import { Button } from '../../components/Button';
import { Unseen } from '../../components/Unseen';

interface DemoAccount {
  username: string;
  passphrase: string;
  role: string;
}

const roleWord = (role: string): string =>
  (ROLES as readonly string[]).includes(role) ? roleLabel[role as Role] : role;

/** The training sign-ins, shown only on a training database. */
export function TrainingAccounts({
  accounts,
  onUse,
}: {
  accounts: readonly DemoAccount[];
  onUse: (account: DemoAccount) => void;
}) {
  if (accounts.length === 0) return null;
  return (
    <section className="card training-accounts" aria-labelledby="training-accounts-caption">
      <table className="table">
        <caption id="training-accounts-caption">Training accounts</caption>
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Passphrase</th>
            <th scope="col">Role</th>
            <th scope="col">
              <span className="visually-hidden">Fill in</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.username}>
              <td>
                <code>{a.username}</code>
              </td>
              <td>
                <code>{a.passphrase}</code>
              </td>
              <td>{roleWord(a.role)}</td>
              <td className="cell-actions">
                <Button small variant="quiet" onClick={() => onUse(a)}>
                  Use<Unseen> training account {a.username}</Unseen>
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
