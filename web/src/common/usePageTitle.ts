import { useEffect } from 'react';

/** Each page names itself in the document title (screen readers announce it on navigation). */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · cmfc-court`;
  }, [title]);
}
