import { render, screen, within } from '@testing-library/react';
import { DataTable } from './data-table.js';

describe('DataTable', () => {
  it('is a captioned table with a column heading per column and the given rows', () => {
    render(
      <DataTable caption="People, oldest first" columns={['Email', 'Role']}>
        <tr>
          <th scope="row">ana@example.com</th>
          <td>admin</td>
        </tr>
      </DataTable>,
    );

    const table = screen.getByRole('table', { name: 'People, oldest first' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Email', 'Role']);
    expect(within(table).getByRole('rowheader', { name: 'ana@example.com' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: 'admin' })).toBeInTheDocument();
  });
});
