import { usePageTitle } from '../common/usePageTitle';

export default function ProofQueuePage() {
  usePageTitle('Proof queue');
  return <h1>Proof queue</h1>;
}
