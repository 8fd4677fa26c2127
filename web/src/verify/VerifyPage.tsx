import { usePageTitle } from '../common/usePageTitle';

export default function VerifyPage() {
  usePageTitle('VerifyPage');
  return <h1>VerifyPage</h1>;
}
