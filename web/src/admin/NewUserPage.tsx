import { useNavigate } from 'react-router';
import type { Role } from '../api/views';
import { usePageTitle } from '../common/usePageTitle';
import { SelectField, TextField } from '../common/FormFields';
import { FormSection } from '../common/FormSection';
import { ROLE_LABELS } from './labels';
import { useCreateUser } from './queries';
import { TenantFields, tenantOf } from './TenantFields';
import { useForm } from '../common/useForm';

/** A new account: who, what role, which court or agency, and a first password to give them. */
export default function NewUserPage() {
  usePageTitle('Add a user');
  const navigate = useNavigate();
  const form = useForm('user', { name: '', email: '', role: '', courtId: '', agencyId: '', password: '' });
  const create = useCreateUser();
  return (
    <>
      <h1>Add a user</h1>
      <FormSection
        id="new-user"
        heading="Account"
        form={form}
        button="Create the account"
        busy={create.isPending}
        send={async () => {
          const { courtId, agencyId } = tenantOf(form.values);
          const user = await form.submit(() =>
            create.mutateAsync({
              name: form.values.name,
              email: form.values.email,
              role: form.values.role as Role,
              password: form.values.password,
              ...(courtId ? { courtId } : {}),
              ...(agencyId ? { agencyId } : {}),
            }),
          );
          if (user) await navigate(`/admin/users/${user.id}`, { state: { created: true } });
          return undefined;
        }}
      >
        <TextField form={form} name="name" label="Name" autoComplete="off" required />
        <TextField form={form} name="email" type="email" label="E-mail address" hint="They sign in with it." autoComplete="off" required />
        <SelectField form={form} name="role" label="Role" options={ROLE_LABELS} empty="- Select -" required />
        <TenantFields form={form} />
        <TextField
          form={form}
          name="password"
          type="password"
          label="First password"
          hint="At least 12 characters, not a common one. Give it to them in person; they can change it after signing in."
          autoComplete="new-password"
          required
        />
      </FormSection>
    </>
  );
}
