import { Table } from '@trussworks/react-uswds';
import { Link } from 'react-router';
import type { Obligation } from '../api/views';
import { useChildrenById } from '../cases/queries';
import { Deadline } from '../common/Deadline';
import { useAgencyNames } from '../directory/queries';
import { childName, dutyName } from '../episodes/labels';

/** Duties grouped by the agency that owes them, one table per agency, in the order the list gives them. */
export function DutyGroups({ duties, zone, what }: { duties: Obligation[]; zone: string; what: string }) {
  const agencyName = useAgencyNames();
  const childOf = useChildrenById(duties.map((duty) => duty.childId));
  const groups = new Map<string, Obligation[]>();
  for (const duty of duties) {
    const key = duty.agencyId ?? '';
    groups.set(key, [...(groups.get(key) ?? []), duty]);
  }
  return (
    <>
      {[...groups].map(([agencyId, group]) => (
        <div key={agencyId} className="table-scroll" data-agency={agencyId}>
          <Table fullWidth stackedStyle="default" caption={`${agencyId ? agencyName(agencyId) : 'No agency'}: ${group.length} ${what}`}>
            <thead>
              <tr>
                <th scope="col">Child</th>
                <th scope="col">Duty</th>
                <th scope="col">Deadline</th>
              </tr>
            </thead>
            <tbody>
              {group.map((duty) => (
                <tr key={duty.id} data-duty={duty.type}>
                  <th scope="row" data-label="Child">
                    <Link to={`/episodes/${duty.episodeId}`}>{childName(childOf(duty.childId))}</Link>
                  </th>
                  <td data-label="Duty">{dutyName(duty.type, duty.sequence)}</td>
                  <td data-label="Deadline">
                    <Deadline dueAt={duty.dueAt} zone={zone} />
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ))}
    </>
  );
}
