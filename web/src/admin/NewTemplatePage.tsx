import { Textarea } from '@trussworks/react-uswds';
import { useEffect, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { OrderTemplateDetail } from '../api/views';
import { Field } from '../common/Field';
import { usePageTitle } from '../common/usePageTitle';
import { SelectField, TextField } from '../common/FormFields';
import { FormSection } from '../common/FormSection';
import { TEMPLATE_KIND_LABELS } from './labels';
import { useCreateTemplate, useTemplate } from './queries';
import { splitTemplateFile } from './template-preview';
import { TemplatePreview } from './TemplatePreview';
import { CourtField } from './TenantFields';
import { useForm } from '../common/useForm';

type Kind = OrderTemplateDetail['kind'];

/**
 * A court's own version of a template kind: chosen as a file (front matter and all, as in
 * templates/) or typed, previewed as it is edited, then checked by the service and stored.
 */
export default function NewTemplatePage() {
  usePageTitle('Upload a court version of a template');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const from = useTemplate(params.get('from') ?? '');
  const form = useForm('template', { courtId: '', kind: '', title: '', body: '' });
  const create = useCreateTemplate();
  const { set } = form;
  const started = useRef(false);
  useEffect(() => {
    if (!from.data || started.current) return;
    started.current = true;
    set('kind', from.data.kind);
    set('title', from.data.title);
    set('body', from.data.body);
  }, [from.data, set]);

  async function readFile(file: File | undefined) {
    if (!file) return;
    const parts = splitTemplateFile(await file.text());
    set('body', parts.body);
    if (parts.title) set('title', parts.title);
    if (parts.kind && parts.kind in TEMPLATE_KIND_LABELS) set('kind', parts.kind);
  }

  return (
    <>
      <h1>Upload a court version of a template</h1>
      <div className="grid-row grid-gap-lg">
        <div className="desktop:grid-col-6">
          <FormSection
            id="template-form"
            heading="The version"
            form={form}
            button="Check and store it"
            busy={create.isPending}
            send={async () => {
              const stored = await form.submit(() => create.mutateAsync({ ...form.values, kind: form.values.kind as Kind }));
              if (stored) await navigate(`/admin/templates/${stored.id}`, { state: { stored: true } });
              return undefined;
            }}
          >
            <CourtField form={form} />
            <SelectField form={form} name="kind" label="Kind" options={TEMPLATE_KIND_LABELS} empty="- Select -" required />
            <TextField form={form} name="title" label="Title" required />
            <Field
              id="template-file"
              label="Template file"
              hint="A .md.tmpl file as in templates/: its front matter fills in the kind and title."
            >
              <input
                className="usa-file-input__input file-picker"
                type="file"
                name="templateFile"
                accept=".tmpl,.md,.txt,text/markdown,text/plain"
                onChange={(e) => void readFile(e.target.files?.[0])}
              />
            </Field>
            <Field
              id={form.id('body')}
              label="Template"
              hint="Handlebars producing Markdown, without front matter. Every clause and deadline of the kind must be there."
              error={form.errors.body}
              required
            >
              <Textarea
                id={form.id('body')}
                name="body"
                className="template-body"
                value={form.values.body}
                onChange={(e) => set('body', e.target.value)}
              />
            </Field>
          </FormSection>
        </div>
        <div className="desktop:grid-col-6">
          <h2>Preview</h2>
          <TemplatePreview body={form.values.body} label="Preview of the version" />
        </div>
      </div>
    </>
  );
}
