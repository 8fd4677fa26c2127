import { usePageTitle } from '../common/usePageTitle';

export default function JudgeHomePage() {
  usePageTitle('JudgeHomePage');
  return <h1>JudgeHomePage</h1>;
}
