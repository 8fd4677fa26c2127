import { FormSection } from '../common/FormSection';
import { TextField } from '../common/FormFields';
import { useForm } from '../common/useForm';
import { confirmationProblem } from './password-confirmation';
import { useChangePassword } from './queries';

/** Change one's password: the current one, the new one twice (compared here before sending). */
export function PasswordForm() {
  const form = useForm('password', { currentPassword: '', newPassword: '', confirmPassword: '' });
  const change = useChangePassword();
  const { currentPassword, newPassword, confirmPassword } = form.values;
  return (
    <FormSection
      id="password-heading"
      heading="Change your password"
      form={form}
      button="Change password"
      busy={change.isPending}
      send={() =>
        form.submit(async () => {
          const mismatch = confirmationProblem(newPassword, confirmPassword);
          if (mismatch) throw mismatch;
          await change.mutateAsync({ currentPassword, newPassword });
          return 'Your password is changed. Every other session and access token of yours was signed out; this one goes on.';
        })
      }
    >
      <TextField form={form} name="currentPassword" label="Current password" type="password" autoComplete="current-password" required />
      <TextField
        form={form}
        name="newPassword"
        label="New password"
        hint="At least 12 characters; not a common or breached password, nor your e-mail address."
        type="password"
        autoComplete="new-password"
        required
      />
      <TextField form={form} name="confirmPassword" label="Confirm new password" type="password" autoComplete="new-password" required />
    </FormSection>
  );
}
