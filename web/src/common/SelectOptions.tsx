/** The options of a select from a map of values to labels, after an empty "- Select -". */
export function SelectOptions({ labels }: { labels: Record<string, string> }) {
  return (
    <>
      <option value="">- Select -</option>
      {Object.entries(labels).map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  );
}
