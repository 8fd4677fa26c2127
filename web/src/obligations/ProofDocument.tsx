import { Button } from '@trussworks/react-uswds';
import type { Evidence } from '../api/views';
import { LoadError, Loading } from '../common/Notice';
import { openFile, useFile } from '../common/useFileUrl';

/** The document of a proof beside its fields: an image inline, a PDF in a frame (with a button to open it whole). */
export function ProofDocument({ proof, title }: { proof: Evidence; title: string }) {
  const path = proof.file ? `/api/v1/evidence/${proof.id}/file` : null;
  const file = useFile(path);
  if (!proof.file || !path) return <p className="text-base">No document was sent with this proof.</p>;
  if (file.error) return <LoadError error={file.error} />;
  if (!file.url) return <Loading what="Loading the document" />;
  const isImage = proof.file.contentType.startsWith('image/');
  return (
    <figure className="margin-0">
      {isImage ? (
        <img src={file.url} alt={title} className="document-view" />
      ) : (
        <iframe src={file.url} title={title} className="document-view" />
      )}
      <figcaption>
        <Button type="button" unstyled className="margin-top-1" onClick={() => void openFile(path)}>
          Open the document in a new tab<span className="usa-sr-only">: {title}</span>
        </Button>
      </figcaption>
    </figure>
  );
}
