import { Table } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';

/**
 * A chart's numbers as a table: the first column names each row (a row header), the others are
 * its figures; stacked with their column names on phones.
 */
export function NumbersTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
}) {
  const [first, ...rest] = columns;
  return (
    <Table fullWidth stackedStyle="default" caption={caption}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, cells: [name, ...figures] }) => (
          <tr key={key}>
            <th scope="row" data-label={first}>
              {name}
            </th>
            {figures.map((figure, i) => (
              <td key={rest[i]} data-label={rest[i]}>
                {figure}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
