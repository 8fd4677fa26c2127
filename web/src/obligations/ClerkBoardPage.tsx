import { usePageTitle } from '../common/usePageTitle';

export default function ClerkBoardPage() {
  usePageTitle('ClerkBoardPage');
  return <h1>ClerkBoardPage</h1>;
}
