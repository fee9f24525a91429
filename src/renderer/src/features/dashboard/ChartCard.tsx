import type { ReactNode } from 'react';

/** A chart with its title and the same figures as a table for screen readers and print. */
export function ChartCard({ title, rows, children }: { title: string; rows: [string, number][]; children: ReactNode }) {
  return (
    <figure className="chart-card">
      <figcaption className="chart-card__title">{title}</figcaption>
      <div className="chart-card__chart" aria-hidden="true">
        {children}
      </div>
      <table className="chart-card__table">
        <caption className="visually-hidden">{title}</caption>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
