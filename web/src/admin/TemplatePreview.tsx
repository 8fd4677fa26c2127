import { useMemo } from 'react';
import { templatePreviewHtml } from './template-preview';

/** A template's layout, its {{expressions}} marked (filled in from the order when a document is made). */
export function TemplatePreview({ body, label }: { body: string; label: string }) {
  const html = useMemo(() => templatePreviewHtml(body), [body]);
  return (
    <div className="template-preview usa-prose border-1px border-base-lighter padding-2 bg-white" role="region" aria-label={label}>
      {body.trim() ? <div dangerouslySetInnerHTML={{ __html: html }} /> : <p className="text-base">Nothing to preview yet.</p>}
    </div>
  );
}
