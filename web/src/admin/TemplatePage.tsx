import { Link as UswdsLink } from '@trussworks/react-uswds';
import { Link, useLocation, useParams } from 'react-router';
import { LoadError, Loading, Notice } from '../common/Notice';
import { formatInstant } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { useCourts } from '../directory/queries';
import { localZone, TEMPLATE_KIND_LABELS } from './labels';
import { useTemplate } from './queries';
import { TemplatePreview } from './TemplatePreview';

/** One stored version: what it is, its layout, and its source (to copy into a court's own version). */
export default function TemplatePage() {
  const { id = '' } = useParams();
  const template = useTemplate(id);
  const courts = useCourts();
  const stored = (useLocation().state as { stored?: boolean } | null)?.stored;
  usePageTitle(template.data ? template.data.title : 'Order template');
  if (template.error) return <LoadError error={template.error} />;
  if (template.isPending) return <Loading />;
  const t = template.data;
  const court = t.courtId ? (courts.data?.items.find((c) => c.id === t.courtId)?.name ?? 'A court') : null;
  return (
    <>
      <p>
        <Link to="/admin/templates">All templates</Link>
      </p>
      <h1>{t.title}</h1>
      {stored && <Notice type="success">Stored as version {t.version}: the court&rsquo;s new documents of this kind use it.</Notice>}
      <ul className="usa-list usa-list--unstyled margin-bottom-2">
        <li>
          {TEMPLATE_KIND_LABELS[t.kind]}, version {t.version}
        </li>
        <li>{court ? `${court}'s own version` : 'Shipped with the service'}</li>
        <li>Stored {formatInstant(t.createdAt, localZone())}</li>
        <li>
          SHA-256 <code className="api-key">{t.sha256}</code>
        </li>
      </ul>
      <p>
        <UswdsLink asCustom={Link} to={`/admin/templates/new?from=${t.id}`} className="usa-button usa-button--outline">
          Start a court version from this one
        </UswdsLink>
      </p>
      <h2>Preview</h2>
      <TemplatePreview body={t.body} label={`Preview of ${t.title}`} />
      <h2>Source</h2>
      <pre className="template-source" tabIndex={0} aria-label={`Source of ${t.title}`}>
        {t.body}
      </pre>
    </>
  );
}
