/**
 * The order's HTML preview in a frame that may run nothing (`sandbox` with no permissions): the
 * text is the same as the PDF's, and a court's template cannot script the app.
 */
export function OrderPreview({ html, title }: { html: string; title: string }) {
  return <iframe title={title} sandbox="" srcDoc={html} className="document-view order-preview" />;
}
