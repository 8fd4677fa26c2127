import { Button } from '@trussworks/react-uswds';
import { useEffect, useRef, useState } from 'react';
import { fieldErrors, toProblem, type Problem } from '../api/problem';
import type { Order } from '../api/views';
import { useUser } from '../auth/session';
import { FormProblem } from '../common/FormProblem';
import { Loading, LoadError, Notice } from '../common/Notice';
import { isoToWallTime, wallTimeToIso } from '../common/time';
import { TERM_ALIASES } from './labels';
import { OrderPreview } from './OrderPreview';
import { usePreview, useSignOrder, useUpdateOrder } from './queries';
import { EffectiveAtField, termsBody, termsInputOf, TermsFields, type TermsInput } from './TermsFields';

const SAVE_AFTER_MS = 700;

/**
 * A draft beside its live preview: each change is saved (PATCH, If-Match the version shown) a
 * moment after typing stops and the preview is rendered again by the service. The judge signs
 * with the ETag of the preview on screen, so a draft changed since is refused (412) and the new
 * preview shown instead.
 */
export function DraftEditor({ order, etag, zone }: { order: Order; etag: string | null; zone: string }) {
  const user = useUser();
  const fromEpisode = order.kind === 'SHOW_CAUSE' || order.kind === 'CONTINUING_JURISDICTION';
  const [terms, setTerms] = useState<TermsInput>(() => termsInputOf(order.terms));
  const [effective, setEffective] = useState(() => (order.effectiveAt ? isoToWallTime(order.effectiveAt, zone) : ''));
  const [dirty, setDirty] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  // The summary (focused, an alert) only when the judge asked to save; typing is not interrupted.
  const [asked, setAsked] = useState(false);
  const [signProblem, setSignProblem] = useState<Problem | null>(null);
  const update = useUpdateOrder(order.id);
  const sign = useSignOrder(order.id);
  const preview = usePreview(order.id, etag);
  const etagRef = useRef(etag);
  etagRef.current = etag;
  const errors = fieldErrors(problem, TERM_ALIASES);

  const save = async (byRequest = false): Promise<boolean> => {
    setDirty(false);
    setAsked(byRequest);
    const body: Record<string, unknown> = { effectiveAt: effective ? (wallTimeToIso(effective, zone) ?? effective) : null };
    if (!fromEpisode) body.terms = termsBody(terms);
    try {
      await update.mutateAsync({ body, etag: etagRef.current });
      setProblem(null);
      return true;
    } catch (error) {
      setProblem(toProblem(error));
      return false;
    }
  };

  // Saved a moment after the last change, one save at a time.
  useEffect(() => {
    if (!dirty || update.isPending) return;
    const timer = setTimeout(() => void save(), SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [dirty, terms, effective, update.isPending]);

  const change = (apply: () => void) => {
    apply();
    setDirty(true);
  };

  const previewEtag = preview.data?.etag ?? null;
  const upToDate = !dirty && !update.isPending && !preview.isFetching && previewEtag !== null && previewEtag === etag;
  const status = update.isPending
    ? 'Saving the draft…'
    : dirty
      ? 'Changes not saved yet'
      : problem
        ? `Not saved: ${Object.values(errors).join('; ') || problem.detail || problem.title}`
        : preview.isFetching
          ? 'Updating the preview…'
          : 'Draft saved; the preview shows it';

  return (
    <div className="order-editor">
      <form
        className="usa-form maxw-none"
        noValidate
        aria-label="The draft"
        onSubmit={(event) => {
          event.preventDefault();
          void save(true);
        }}
      >
        <FormProblem
          problem={asked && problem && problem.status !== 412 ? problem : null}
          fieldErrors={errors}
          fieldIds={Object.fromEntries(Object.keys(errors).map((key) => [key, `draft-${key}`]))}
        />
        {problem?.status === 412 && (
          <Notice type="warning">Someone else changed this draft; it is shown as it is now. Make your change again.</Notice>
        )}
        <EffectiveAtField
          id="draft-effectiveAt"
          value={effective}
          zone={zone}
          error={errors.effectiveAt}
          onChange={(next) => change(() => setEffective(next))}
        />
        {!fromEpisode && <TermsFields idPrefix="draft" value={terms} errors={errors} onChange={(next) => change(() => setTerms(next))} />}
        <p role="status" className="text-base save-status">
          {status}
        </p>
        <Button type="submit" outline disabled={update.isPending}>
          Save and update the preview
        </Button>
      </form>

      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading">Preview</h2>
        {preview.error && <LoadError error={preview.error} />}
        {preview.data ? (
          <OrderPreview html={preview.data.html} title="Preview of the draft order" />
        ) : (
          <Loading what="Rendering the preview" />
        )}
        {user.role === 'JUDGE' && (
          <div className="margin-top-2">
            {signProblem && (
              <div role="alert" className="margin-bottom-2">
                {signProblem.status === 412 ? (
                  <Notice type="warning" heading="The draft changed — review the new preview">
                    <p className="margin-0">It was changed after the preview you read. Nothing was signed.</p>
                  </Notice>
                ) : (
                  <Notice type="error" heading={signProblem.title}>
                    <p className="margin-0">{signProblem.detail}</p>
                  </Notice>
                )}
              </div>
            )}
            <Button
              type="button"
              disabled={!upToDate || sign.isPending}
              onClick={async () => {
                setSignProblem(null);
                try {
                  await sign.mutateAsync(previewEtag);
                } catch (error) {
                  setSignProblem(toProblem(error));
                }
              }}
            >
              Sign the order as previewed
            </Button>
          </div>
        )}
      </section>
    </div>
  );
}
