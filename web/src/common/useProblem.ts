import { useState } from 'react';
import { toProblem, type Problem } from '../api/problem';

/**
 * A form's last refusal by the service: `attempt` runs the change, keeps the problem to show when
 * it is refused and clears it when it goes through (then `onDone` gets the answer).
 */
export function useProblem() {
  const [problem, setProblem] = useState<Problem | null>(null);
  async function attempt<T>(change: () => Promise<T>, onDone: (answer: T) => void): Promise<void> {
    let answer: T;
    try {
      answer = await change();
    } catch (error) {
      setProblem(toProblem(error));
      return;
    }
    setProblem(null);
    onDone(answer);
  }
  return { problem, attempt };
}
