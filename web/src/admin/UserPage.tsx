import { Button, SummaryBox, SummaryBoxContent, SummaryBoxHeading } from '@trussworks/react-uswds';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { toProblem } from '../api/problem';
import type { Role, SessionUser } from '../api/views';
import { useUser } from '../auth/session';
import { LoadError, Loading, Notice } from '../common/Notice';
import { formatInstant } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { SelectField, TextField } from '../common/FormFields';
import { FormSection } from '../common/FormSection';
import { localZone, ROLE_LABELS } from './labels';
import { useResetMfa, useUpdateUser, useUserRecord } from './queries';
import { TenantFields, tenantOf } from './TenantFields';
import { useForm } from '../common/useForm';
import { useTenantName } from './useTenantName';

/** One account: its name, role and court or agency; disable or enable it; reset a lost authenticator. */
export default function UserPage() {
  const { id = '' } = useParams();
  const user = useUserRecord(id);
  const created = (useLocation().state as { created?: boolean } | null)?.created;
  const tenantName = useTenantName();
  usePageTitle(user.data ? user.data.name : 'User');
  if (user.error) return <LoadError error={user.error} />;
  if (user.isPending) return <Loading />;
  const account = user.data;
  return (
    <>
      <p>
        <Link to="/admin/users">All users</Link>
      </p>
      <h1>{account.name}</h1>
      {created && <Notice type="success">The account was created. They can sign in now.</Notice>}
      <SummaryBox>
        <SummaryBoxHeading headingLevel="h2">Account</SummaryBoxHeading>
        <SummaryBoxContent>
          <ul className="usa-list usa-list--unstyled">
            <li>E-mail: {account.email}</li>
            <li>Role: {ROLE_LABELS[account.role]}</li>
            <li>Court or agency: {tenantName(account)}</li>
            <li>Status: {account.disabled ? 'Disabled: cannot sign in' : 'Active'}</li>
            <li>Created: {formatInstant(account.createdAt, localZone())}</li>
          </ul>
        </SummaryBoxContent>
      </SummaryBox>
      <EditAccount key={account.id} account={account} />
      <Access account={account} />
      <ResetMfa account={account} />
    </>
  );
}

function EditAccount({ account }: { account: SessionUser }) {
  const form = useForm('account', {
    name: account.name,
    role: account.role as string,
    courtId: account.courtId ?? '',
    agencyId: account.agencyId ?? '',
  });
  const update = useUpdateUser(account.id);
  return (
    <FormSection
      id="edit-account"
      heading="Name and role"
      form={form}
      button="Save the changes"
      busy={update.isPending}
      send={async () => {
        const saved = await form.submit(() =>
          update.mutateAsync({ name: form.values.name, role: form.values.role as Role, ...tenantOf(form.values) }),
        );
        return saved && `Saved. A changed role or court ends their sessions: they sign in again.`;
      }}
    >
      <TextField form={form} name="name" label="Name" required />
      <SelectField form={form} name="role" label="Role" options={ROLE_LABELS} required />
      <TenantFields form={form} />
    </FormSection>
  );
}

function Access({ account }: { account: SessionUser }) {
  const me = useUser();
  const update = useUpdateUser(account.id);
  return (
    <section aria-labelledby="access">
      <h2 id="access">Access</h2>
      {account.disabled ? (
        <p>The account is disabled: they cannot sign in, and nothing is sent to them.</p>
      ) : (
        <p>Disabling the account ends every session and token of it at once.</p>
      )}
      {update.error && <Notice type="error">{toProblem(update.error).detail ?? toProblem(update.error).title}</Notice>}
      <Button
        type="button"
        secondary={!account.disabled}
        disabled={update.isPending || account.id === me.id}
        onClick={() => update.mutate({ disabled: !account.disabled })}
      >
        {account.disabled ? 'Enable the account' : 'Disable the account'}
      </Button>
      {account.id === me.id && <p className="usa-hint">You cannot disable your own account.</p>}
    </section>
  );
}

function ResetMfa({ account }: { account: SessionUser }) {
  const reset = useResetMfa(account.id);
  const [done, setDone] = useState(false);
  return (
    <section aria-labelledby="mfa">
      <h2 id="mfa">Authenticator</h2>
      <p>When they have lost the phone with their authenticator app, reset it: they set up a new one at their next sign-in.</p>
      <div role="status">{done && <Notice type="success">The authenticator was reset.</Notice>}</div>
      {reset.error && <Notice type="error">{toProblem(reset.error).detail ?? toProblem(reset.error).title}</Notice>}
      <Button
        type="button"
        outline
        disabled={reset.isPending}
        onClick={async () => {
          setDone(false);
          await reset.mutateAsync();
          setDone(true);
        }}
      >
        Reset the authenticator
      </Button>
    </section>
  );
}
