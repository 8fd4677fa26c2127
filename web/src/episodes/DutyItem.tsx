import { Button, Tag, Textarea } from '@trussworks/react-uswds';
import { useState } from 'react';
import { fieldErrors, toProblem, type Problem } from '../api/problem';
import type { Obligation, Role } from '../api/views';
import { Deadline } from '../common/Deadline';
import { Field } from '../common/Field';
import { FormProblem } from '../common/FormProblem';
import { Notice } from '../common/Notice';
import { formatInstant } from '../common/time';
import { DUTIES, dutyName, STATUS_NAMES } from './labels';
import { ProofUpload } from './ProofUpload';
import { useWaive } from './queries';

const TAG_CLASS: Record<Obligation['status'], string> = {
  OPEN: 'bg-primary',
  SUBMITTED: 'bg-accent-warm-dark',
  SATISFIED: 'bg-green',
  OVERDUE: 'bg-secondary-dark',
  WAIVED: 'bg-base-dark',
};

/** One duty of an episode: deadline counting down, the law behind it, its status, and what the role can do. */
export function DutyItem({ obligation, zone, role }: { obligation: Obligation; zone: string; role: Role }) {
  const [open, setOpen] = useState<'proof' | 'waive' | null>(null);
  const [sent, setSent] = useState(false);
  const pending = obligation.status === 'OPEN' || obligation.status === 'OVERDUE';
  const canProve = pending && (role === 'AGENCY' || role === 'CLERK');
  const canWaive = pending && role === 'JUDGE';
  const name = dutyName(obligation.type, obligation.sequence);
  return (
    <li className="usa-collection__item duty" data-duty={obligation.type}>
      <div className="usa-collection__body">
        <h3 className="usa-collection__heading">
          {name} <Tag className={TAG_CLASS[obligation.status]}>{STATUS_NAMES[obligation.status]}</Tag>
        </h3>
        <p className="usa-collection__description margin-y-1">
          <Deadline dueAt={obligation.dueAt} zone={zone} done={!pending} />
        </p>
        <p className="font-body-2xs text-base margin-y-1">{DUTIES[obligation.type].statute}</p>
        {obligation.performedAt && (
          <p className="margin-y-1">
            Done at {formatInstant(obligation.performedAt, zone)}
            {obligation.onTime === false ? ' (late)' : ''}
          </p>
        )}
        {obligation.waiverReason && <p className="margin-y-1">Waived: {obligation.waiverReason}</p>}
        {sent && <Notice type="success">Proof sent; the court will review it.</Notice>}
        {canProve && (
          <Button type="button" outline aria-expanded={open === 'proof'} onClick={() => setOpen(open === 'proof' ? null : 'proof')}>
            Upload proof<span className="usa-sr-only"> for {name}</span>
          </Button>
        )}
        {canWaive && (
          <Button type="button" outline aria-expanded={open === 'waive'} onClick={() => setOpen(open === 'waive' ? null : 'waive')}>
            Waive<span className="usa-sr-only"> {name}</span>
          </Button>
        )}
        {open === 'proof' && (
          <ProofUpload
            obligation={obligation}
            zone={zone}
            onDone={() => {
              setOpen(null);
              setSent(true);
            }}
          />
        )}
        {open === 'waive' && <WaiveForm obligation={obligation} onDone={() => setOpen(null)} />}
      </div>
    </li>
  );
}

function WaiveForm({ obligation, onDone }: { obligation: Obligation; onDone(): void }) {
  const waive = useWaive(obligation.episodeId);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const errors = fieldErrors(problem);
  const id = `${obligation.id}-reason`;
  return (
    <form
      className="usa-form maxw-none"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          await waive.mutateAsync({ obligationId: obligation.id, reason });
          onDone();
        } catch (error) {
          setProblem(toProblem(error));
        }
      }}
    >
      <FormProblem problem={problem} fieldErrors={errors} fieldIds={{ reason: id }} />
      <Field id={id} label="Reason for the waiver" error={errors.reason} required>
        <Textarea id={id} name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <Button type="submit" secondary disabled={waive.isPending}>
        Waive this duty
      </Button>
    </form>
  );
}
