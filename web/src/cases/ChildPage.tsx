import { Button, Form } from '@trussworks/react-uswds';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../api/client';
import { fieldErrors, toProblem, unwrap, type Problem } from '../api/problem';
import type { Child } from '../api/views';
import { useUser } from '../auth/session';
import { Field } from '../common/Field';
import { FormProblem } from '../common/FormProblem';
import { LoadError, Loading, Notice } from '../common/Notice';
import { formatInstant, wallTimeToIso, zoneLabel } from '../common/time';
import { useFileUrl } from '../common/useFileUrl';
import { usePageTitle } from '../common/usePageTitle';
import { useCourtZone } from '../directory/queries';
import { childName } from '../episodes/labels';
import { episodeKeys, useChild } from '../episodes/queries';
import { usePhotoMaxAgeDays } from '../orders/queries';

const DAY_MS = 86_400_000;

/** A child: description, current placement, the latest photo and whether it is too old for the order. */
export default function ChildPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const child = useChild(id);
  const zone = useCourtZone(child.data?.courtId);
  const maxAgeDays = usePhotoMaxAgeDays(child.data);
  const photoUrl = useFileUrl(child.data?.latestPhoto ? `/api/v1/photos/${child.data.latestPhoto.id}` : null);
  usePageTitle(child.data ? childName(child.data) : 'Child');
  if (child.error) return <LoadError error={child.error} />;
  if (!child.data) return <Loading />;
  const c = child.data;
  const ageDays = c.latestPhoto ? Math.floor((Date.now() - new Date(c.latestPhoto.takenAt).getTime()) / DAY_MS) : null;
  const tooOld = ageDays === null || ageDays > maxAgeDays;
  return (
    <>
      <h1>{childName(c)}</h1>
      <ul className="usa-list">
        <li>Born {c.dateOfBirth}</li>
        {c.heightInches && <li>Height {c.heightInches} in</li>}
        {c.weightPounds && <li>Weight {c.weightPounds} lb</li>}
        {c.hairColor && <li>Hair {c.hairColor}</li>}
        {c.eyeColor && <li>Eyes {c.eyeColor}</li>}
        {c.identifyingMarks.length > 0 && <li>Marks: {c.identifyingMarks.join('; ')}</li>}
        {c.currentPlacement && (
          <li>
            Placed ({c.currentPlacement.placementType.replace('_', ' ').toLowerCase()}) since{' '}
            {formatInstant(c.currentPlacement.startedAt, zone)}
          </li>
        )}
      </ul>
      <h2>Photo</h2>
      {tooOld && (
        <Notice type="warning" heading={ageDays === null ? 'No photo on file' : 'The photo is too old'}>
          <p className="margin-0">
            The order asks for a photo taken within the last {maxAgeDays} days
            {ageDays !== null ? `; this one is ${ageDays} days old` : ''}. Upload a current one.
          </p>
        </Notice>
      )}
      {c.latestPhoto && (
        <figure className="margin-x-0">
          {photoUrl && <img src={photoUrl} alt={`Latest photo of ${childName(c)}`} className="child-photo" />}
          <figcaption>Taken {formatInstant(c.latestPhoto.takenAt, zone)}</figcaption>
        </figure>
      )}
      {(user.role === 'AGENCY' || user.role === 'CLERK') && <PhotoUpload child={c} zone={zone} />}
    </>
  );
}

function PhotoUpload({ child, zone }: { child: Child; zone: string }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [takenAt, setTakenAt] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState(false);
  const upload = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append('takenAt', wallTimeToIso(takenAt, zone) ?? takenAt);
      if (file) form.append('file', file);
      return unwrap(
        api.POST('/api/v1/children/{id}/photos', {
          params: { path: { id: child.id } },
          body: form as never,
          bodySerializer: (b) => b as never,
        }),
      );
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: episodeKeys.child(child.id) }),
  });
  const errors = fieldErrors(problem);
  return (
    <Form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          await upload.mutateAsync();
          setProblem(null);
          setDone(true);
        } catch (error) {
          setProblem(toProblem(error));
        }
      }}
    >
      <h3>Upload a photo</h3>
      {done && <Notice type="success">Photo stored.</Notice>}
      <FormProblem problem={problem} fieldErrors={errors} fieldIds={{ file: 'photo-file', takenAt: 'photo-takenAt' }} />
      <Field
        id="photo-file"
        label="Photo"
        hint="JPEG or PNG, up to 10 MB. On a phone you can take it with the camera."
        error={errors.file}
        required
      >
        <input
          className="file-picker"
          type="file"
          name="file"
          accept="image/jpeg,image/png"
          capture="environment"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </Field>
      <Field id="photo-takenAt" label={`Taken at (${zoneLabel(zone)})`} error={errors.takenAt} required>
        <input className="usa-input" type="datetime-local" name="takenAt" value={takenAt} onChange={(e) => setTakenAt(e.target.value)} />
      </Field>
      <Button type="submit" disabled={upload.isPending}>
        Upload photo
      </Button>
    </Form>
  );
}
