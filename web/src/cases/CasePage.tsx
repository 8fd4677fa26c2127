import { Button, SummaryBox, SummaryBoxContent, SummaryBoxHeading, Table } from '@trussworks/react-uswds';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useUser } from '../auth/session';
import { LoadError, Loading, Notice } from '../common/Notice';
import { formatInstant, zoneLabel } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { useAgencyNames, useCourtZone } from '../directory/queries';
import { childName } from '../episodes/labels';
import { CASE_TYPES, PLACEMENT_TYPES } from './labels';
import { ParticipantsSection } from './ParticipantsSection';
import { PlacementForm } from './PlacementForm';
import { useCase, usePlacements } from './queries';

/** A case: its child, where the child has been placed, and who takes part in it. */
export default function CasePage() {
  const { id = '' } = useParams();
  const user = useUser();
  const courtCase = useCase(id);
  const placements = usePlacements(id);
  const zone = useCourtZone(courtCase.data?.courtId);
  const agencyName = useAgencyNames();
  const [placing, setPlacing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  usePageTitle(courtCase.data ? `Case ${courtCase.data.docketNumber}` : 'Case');
  if (courtCase.error) return <LoadError error={courtCase.error} />;
  if (!courtCase.data) return <Loading />;
  const c = courtCase.data;
  const canChange = user.role === 'CLERK' || user.role === 'ADMIN';
  return (
    <>
      <h1>Case {c.docketNumber}</h1>
      <div ref={doneRef} tabIndex={-1}>
        {done && <Notice type="success">{done}</Notice>}
      </div>
      <SummaryBox>
        <SummaryBoxHeading headingLevel="h2">The case</SummaryBoxHeading>
        <SummaryBoxContent>
          <ul className="usa-list">
            <li>
              In the interest of <Link to={`/children/${c.child.id}`}>{childName(c.child)}</Link>, born {c.child.dateOfBirth}
            </li>
            <li>{CASE_TYPES[c.caseType]}</li>
            <li>Opened {formatInstant(c.createdAt, zone)}</li>
            <li>Times are in the court’s zone: {zoneLabel(zone)}</li>
          </ul>
        </SummaryBoxContent>
      </SummaryBox>
      <section aria-labelledby="placements-heading">
        <h2 id="placements-heading">Placements</h2>
        {placements.error && <LoadError error={placements.error} />}
        {placements.isPending && <Loading />}
        {placements.data && placements.data.length === 0 && <p>The child has not been placed.</p>}
        {placements.data && placements.data.length > 0 && (
          <div className="table-scroll">
            <Table fullWidth stackedStyle="default" caption="Where the child has been placed, newest first">
              <thead>
                <tr>
                  <th scope="col">Agency</th>
                  <th scope="col">Kind</th>
                  <th scope="col">From</th>
                  <th scope="col">Until</th>
                  <th scope="col">Caseworker</th>
                </tr>
              </thead>
              <tbody>
                {[...placements.data]
                  .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
                  .map((p) => (
                    <tr key={p.id}>
                      <th scope="row" data-label="Agency">
                        {agencyName(p.agencyId)}
                      </th>
                      <td data-label="Kind">{PLACEMENT_TYPES[p.placementType]}</td>
                      <td data-label="From">{formatInstant(p.startedAt, zone)}</td>
                      <td data-label="Until">{p.endedAt ? formatInstant(p.endedAt, zone) : 'Now'}</td>
                      <td data-label="Caseworker">{[p.caseworkerName, p.caseworkerEmail].filter(Boolean).join(', ') || '—'}</td>
                    </tr>
                  ))}
              </tbody>
            </Table>
          </div>
        )}
        {canChange &&
          (placing ? (
            <PlacementForm
              caseId={c.id}
              zone={zone}
              onDone={(message) => {
                setPlacing(false);
                setDone(message);
              }}
            />
          ) : (
            <Button type="button" outline onClick={() => setPlacing(true)}>
              Place the child
            </Button>
          ))}
      </section>
      <ParticipantsSection caseId={c.id} canChange={canChange} onDone={setDone} />
    </>
  );
}
