import { usePageTitle } from '../common/usePageTitle';

export default function AdminHomePage() {
  usePageTitle('AdminHomePage');
  return <h1>AdminHomePage</h1>;
}
