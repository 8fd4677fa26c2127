import { usePageTitle } from '../common/usePageTitle';

export default function CourtsPage() {
  usePageTitle('CourtsPage');
  return <h1>CourtsPage</h1>;
}
