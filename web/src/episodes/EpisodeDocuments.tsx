import type { Episode } from '../api/views';
import { episodeDocumentPath } from './queries';

/**
 * The report packet (everything law enforcement and NCMEC ask for) and, while the child is
 * missing and the order allows releasing the photo, the public poster.
 */
export function EpisodeDocuments({ episode }: { episode: Episode }) {
  const posterRefused =
    episode.status !== 'MISSING'
      ? 'No poster: the child was found, and posters are withdrawn.'
      : episode.terms.photoReleaseAuthorized === false
        ? 'No poster: the order does not authorize releasing the child’s photo.'
        : null;
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">Documents</h2>
      <ul className="usa-list">
        <li>
          <a className="usa-link" href={episodeDocumentPath(episode.id, 'report-packet')} target="_blank" rel="noopener">
            Report packet for law enforcement and NCMEC (PDF, not for publication)
          </a>
        </li>
        <li>
          {posterRefused ?? (
            <a className="usa-link" href={episodeDocumentPath(episode.id, 'poster')} target="_blank" rel="noopener">
              Missing-child poster (PDF, for publication)
            </a>
          )}
        </li>
      </ul>
    </section>
  );
}
