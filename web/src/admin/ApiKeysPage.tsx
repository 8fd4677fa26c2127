import { Button, ButtonGroup, Table } from '@trussworks/react-uswds';
import { DateTime } from 'luxon';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { toProblem } from '../api/problem';
import type { ApiKey, IssuedApiKey } from '../api/views';
import { CopyButton } from '../common/CopyButton';
import { LoadError, Notice } from '../common/Notice';
import { formatInstant } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { AdminList } from './AdminList';
import { TextField } from '../common/FormFields';
import { FormSection } from '../common/FormSection';
import { localZone } from './labels';
import { useAgency, useApiKeys, useIssueApiKey, useRevokeApiKey } from './queries';
import { useForm } from '../common/useForm';
import { useShownInPages } from './useShownInPages';

function keyStatus(key: ApiKey, zone: string): string {
  if (key.revokedAt) return `Revoked ${formatInstant(key.revokedAt, zone)}`;
  if (new Date(key.expiresAt) <= new Date()) return 'Expired';
  return 'Active';
}

/** An agency's keys for its own systems: issued (the key shown this once), listed without the key, revoked at once. */
export default function ApiKeysPage() {
  const { id = '' } = useParams();
  const agency = useAgency(id);
  usePageTitle(agency.data ? `API keys of ${agency.data.name}` : 'API keys');
  const keys = useApiKeys(id);
  const shown = useShownInPages(keys.data?.items ?? []);
  const [issued, setIssued] = useState<IssuedApiKey | null>(null);
  const zone = localZone();
  if (agency.error) return <LoadError error={agency.error} />;
  return (
    <>
      <p>
        <Link to="/admin/agencies">All agencies</Link>
      </p>
      <h1>API keys of {agency.data?.name ?? '…'}</h1>
      <p>
        An agency&rsquo;s case-management system sends its key as the X-API-Key header and may do what the agency&rsquo;s caseworkers do.
      </p>
      {issued && <NewKey issued={issued} />}
      <AdminList loaded={keys} list={shown} empty="The agency has no key.">
        <Table fullWidth stackedStyle="default" caption="Keys (never the key itself)">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Issued</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {shown.items.map((key) => (
              <tr key={key.id} data-key={key.name}>
                <th scope="row" data-label="Name">
                  {key.name}
                </th>
                <td data-label="Starts with">
                  <code>{key.prefix}</code>
                </td>
                <td data-label="Issued">{formatInstant(key.createdAt, zone)}</td>
                <td data-label="Last used">{key.lastUsedAt ? formatInstant(key.lastUsedAt, zone) : 'Never'}</td>
                <td data-label="Expires">{formatInstant(key.expiresAt, zone)}</td>
                <td data-label="Status">
                  {keyStatus(key, zone)}
                  {!key.revokedAt && <Revoke agencyId={id} apiKey={key} />}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </AdminList>
      <IssueKey agencyId={id} onIssued={setIssued} />
    </>
  );
}

/** The key itself, this once. */
function NewKey({ issued }: { issued: IssuedApiKey }) {
  const shown = useRef<HTMLElement>(null);
  return (
    <Notice type="warning" heading={`Copy the key for ${issued.name} now`}>
      <p>It is shown only this once: the service keeps only a hash of it. Give it to the agency&rsquo;s system by a secure channel.</p>
      <p>
        <code ref={shown} className="api-key">
          {issued.key}
        </code>
      </p>
      <CopyButton text={issued.key} label="Copy the key" shownIn={shown} />
    </Notice>
  );
}

function Revoke({ agencyId, apiKey }: { agencyId: string; apiKey: ApiKey }) {
  const revoke = useRevokeApiKey(agencyId);
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <div>
        <Button type="button" secondary onClick={() => setAsking(true)}>
          Revoke {apiKey.name}
        </Button>
      </div>
    );
  }
  return (
    <div role="group" aria-label={`Revoke ${apiKey.name}?`}>
      <p>The system using it is refused from its next request.</p>
      {revoke.error && <p className="usa-error-message">{toProblem(revoke.error).detail ?? toProblem(revoke.error).title}</p>}
      <ButtonGroup>
        <Button type="button" secondary disabled={revoke.isPending} onClick={() => revoke.mutate(apiKey.id)}>
          Revoke it now
        </Button>
        <Button type="button" unstyled className="padding-1" onClick={() => setAsking(false)}>
          Keep it
        </Button>
      </ButtonGroup>
    </div>
  );
}

function IssueKey({ agencyId, onIssued }: { agencyId: string; onIssued(key: IssuedApiKey): void }) {
  const form = useForm('api-key', { name: '', expiresAt: '' });
  const issue = useIssueApiKey(agencyId);
  return (
    <FormSection
      id="issue-key"
      heading="Issue a key"
      form={form}
      button="Issue the key"
      busy={issue.isPending}
      send={async () => {
        const expiresAt = form.values.expiresAt
          ? (DateTime.fromISO(form.values.expiresAt, { zone: localZone() }).endOf('day').toISO({ suppressMilliseconds: true }) ??
            form.values.expiresAt)
          : undefined;
        const key = await form.submit(() => issue.mutateAsync({ name: form.values.name, ...(expiresAt ? { expiresAt } : {}) }));
        if (!key) return undefined;
        onIssued(key);
        return `The key ${key.name} was issued.`;
      }}
    >
      <TextField form={form} name="name" label="Name" hint="What uses it: Case-management system." required />
      <TextField
        form={form}
        name="expiresAt"
        type="date"
        label="Stops working after"
        hint="At most a year from today. Left empty: a year from today."
      />
    </FormSection>
  );
}
