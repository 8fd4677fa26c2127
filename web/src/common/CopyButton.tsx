import { Button, ButtonGroup } from '@trussworks/react-uswds';
import { useState, type RefObject } from 'react';

/**
 * Copies a secret to the clipboard; where the browser refuses (no permission, no clipboard API)
 * it selects the text shown in `shownIn` instead, for the person to copy with the keyboard or menu.
 */
export function CopyButton({ text, label, shownIn }: { text: string; label: string; shownIn: RefObject<HTMLElement | null> }) {
  const [outcome, setOutcome] = useState<'copied' | 'selected' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      const element = shownIn.current;
      if (element instanceof HTMLInputElement) element.select();
      else if (element) window.getSelection()?.selectAllChildren(element);
      element?.focus();
      setOutcome('selected');
    }
  }
  return (
    <>
      <ButtonGroup>
        <Button type="button" outline onClick={() => void copy()}>
          {outcome === 'copied' ? 'Copied' : label}
        </Button>
      </ButtonGroup>
      <p role="status" className="margin-bottom-0">
        {outcome === 'copied' ? 'Copied to the clipboard.' : outcome === 'selected' ? 'Selected: copy it with your keyboard or menu.' : ''}
      </p>
    </>
  );
}
