import { Button, Form, Textarea } from '@trussworks/react-uswds';
import { useState } from 'react';
import { Link } from 'react-router';
import { fieldErrors } from '../api/problem';
import type { Child, Obligation } from '../api/views';
import { Deadline } from '../common/Deadline';
import { Field } from '../common/Field';
import { FormProblem } from '../common/FormProblem';
import { LoadError, Loading } from '../common/Notice';
import { useProblem } from '../common/useProblem';
import { childName, dutyName } from '../episodes/labels';
import { useEvidence } from '../episodes/queries';
import { ProofDocument } from './ProofDocument';
import { ProofFields } from './ProofFields';
import { useReviewProof, type Decision } from './queries';

interface ProofReviewProps {
  obligation: Obligation;
  child: Child | undefined;
  agency: string;
  zone: string;
  onReviewed(message: string): void;
}

/** One proof awaiting review: what was stated and the document side by side, and accept / reject with a reason. */
export function ProofReview({ obligation, child, agency, zone, onReviewed }: ProofReviewProps) {
  const evidence = useEvidence(obligation.id);
  const review = useReviewProof();
  const [reason, setReason] = useState('');
  const { problem, attempt } = useProblem();
  const duty = dutyName(obligation.type, obligation.sequence);
  const title = `${duty}: ${childName(child)}`;
  const proof = evidence.data?.find((p) => p.status === 'SUBMITTED');
  const reasonId = `reason-${obligation.id}`;
  // The service may say only "is required to reject a proof": the summary names the field.
  const errors = Object.fromEntries(
    Object.entries(fieldErrors(problem)).map(([field, message]) => [
      field,
      field === 'reason' && !/^reason/i.test(message) ? `Reason ${message}` : message,
    ]),
  );

  const decide = async (decision: Decision) => {
    if (!proof) return;
    await attempt(
      () => review.mutateAsync({ id: proof.id, decision, reason: reason.trim() || undefined }),
      () => onReviewed(`${decision === 'ACCEPTED' ? 'Accepted' : 'Rejected'}: ${title}.`),
    );
  };

  return (
    <article
      className="proof border-top-1px border-base-lighter padding-y-3"
      aria-labelledby={`proof-${obligation.id}`}
      data-duty={obligation.type}
    >
      <h2 id={`proof-${obligation.id}`}>
        {duty}: <Link to={`/episodes/${obligation.episodeId}`}>{childName(child)}</Link>
      </h2>
      <p className="margin-top-0">
        {agency}; deadline <Deadline dueAt={obligation.dueAt} zone={zone} done />
      </p>
      {evidence.error && <LoadError error={evidence.error} />}
      {evidence.isPending && <Loading what="Loading the proof" />}
      {proof && (
        <div className="proof-review">
          <div>
            <ProofFields proof={proof} zone={zone} />
            <Form
              noValidate
              className="maxw-full"
              onSubmit={(event) => {
                event.preventDefault();
              }}
            >
              <FormProblem problem={problem} fieldErrors={errors} fieldIds={{ reason: reasonId }} />
              <Field
                id={reasonId}
                label={
                  <>
                    Reason<span className="usa-sr-only"> {title}</span>
                  </>
                }
                hint="Required to reject; the agency is told it."
                error={errors.reason}
              >
                <Textarea id={reasonId} name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
              </Field>
              <div className="margin-top-2">
                <Button type="button" disabled={review.isPending} onClick={() => void decide('ACCEPTED')}>
                  Accept<span className="usa-sr-only"> {title}</span>
                </Button>
                <Button type="button" secondary disabled={review.isPending} onClick={() => void decide('REJECTED')}>
                  Reject<span className="usa-sr-only"> {title}</span>
                </Button>
              </div>
            </Form>
          </div>
          <ProofDocument proof={proof} title={`The document of the proof: ${title}`} />
        </div>
      )}
    </article>
  );
}
