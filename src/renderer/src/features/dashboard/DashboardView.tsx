import { Bar, BarChart, Cell, Pie, PieChart, Tooltip, XAxis, YAxis, type PieLabelRenderProps } from 'recharts';
import { RESPONSIBILITIES, SEVERITIES } from '@shared/domain';
import { QueryError } from '../../components/QueryError';
import { RESPONSIBILITY_LABELS, SEVERITY_LABELS } from '../../lib/labels';
import type { SectionProps } from '../../lib/navigation';
import { DemarcationPanel } from '../picture/DemarcationPanel';
import { ChartCard } from './ChartCard';
import { RESPONSIBILITY_FILL, SERIES_FILL, SEVERITY_FILL } from './chart-colours';
import { useDashboard } from './queries';

const WIDTH = 380;

/** Slice labels in dark ink: the slices' light fills would be unreadable as text colour. */
function inkLabel({ x, y, textAnchor, name }: PieLabelRenderProps) {
  return (
    <text x={x} y={y} textAnchor={textAnchor} dominantBaseline="central" fill="#1c2330" fontSize={12}>
      {name}
    </text>
  );
}
const HEIGHT = 220;

/** The workbook at a glance: classification, who carries the layers, RACI completeness, findings. */
export function DashboardView({ navigate }: SectionProps) {
  const dashboard = useDashboard();
  const data = dashboard.data;
  if (!data) return dashboard.error ? <QueryError error={dashboard.error} /> : <p aria-busy="true">Loading dashboard…</p>;

  // Several models in use (Microsoft's and AWS's): a column's model is named after its label.
  const several = new Set(data.assetsByServiceModel.filter((r) => r.modelId !== null).map((r) => r.modelId)).size > 1;
  const byModel = data.assetsByServiceModel.map((row) => ({
    name: row.serviceModel === null || !several ? row.label : `${row.label} · ${row.modelId ?? ''}`,
    value: row.count
  }));
  const byResp = RESPONSIBILITIES.map((resp) => ({ key: resp, name: RESPONSIBILITY_LABELS[resp], value: data.layersByResponsibility[resp] ?? 0 }));
  const { complete, total } = data.raciCompleteness;
  const raci = [
    { name: 'Complete', value: complete, fill: '#1d5a2a' },
    { name: 'Incomplete', value: Math.max(0, total - complete), fill: '#d5d9e0' }
  ];
  const bySeverity = SEVERITIES.map((severity) => ({ key: severity, name: SEVERITY_LABELS[severity], value: data.findingsBySeverity[severity] ?? 0 }));
  const percent = total === 0 ? 100 : Math.round((complete / total) * 100);

  return (
    <div className="dashboard">
      <DemarcationPanel navigate={navigate} compact />
      <p className="dashboard__lead">
        <strong>{data.assets.toLocaleString()}</strong> assets · RACI complete on <strong>{percent}%</strong> of customer-side layers
      </p>
      <div className="dashboard__grid">
        <ChartCard title="Assets per service model" rows={byModel.map((row) => [row.name, row.value])}>
          <BarChart width={WIDTH} height={HEIGHT} data={byModel} accessibilityLayer={false}>
            <XAxis dataKey="name" interval={0} tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="value" name="Assets" fill={SERIES_FILL} isAnimationActive={false} />
          </BarChart>
        </ChartCard>
        <ChartCard title="Layers by responsibility" rows={byResp.map((row) => [row.name, row.value])}>
          <PieChart width={WIDTH} height={HEIGHT} accessibilityLayer={false}>
            <Pie rootTabIndex={-1} data={byResp} dataKey="value" nameKey="name" outerRadius={85} label={inkLabel} isAnimationActive={false}>
              {byResp.map((row) => (
                <Cell key={row.key} fill={RESPONSIBILITY_FILL[row.key].fill} stroke={RESPONSIBILITY_FILL[row.key].ink} />
              ))}
            </Pie>
            <Tooltip />
          </PieChart>
        </ChartCard>
        <ChartCard title="RACI completeness (customer and shared layers)" rows={raci.map((row) => [row.name, row.value])}>
          <PieChart width={WIDTH} height={HEIGHT} accessibilityLayer={false}>
            <Pie rootTabIndex={-1} data={raci} dataKey="value" nameKey="name" innerRadius={55} outerRadius={85} isAnimationActive={false}>
              {raci.map((row) => (
                <Cell key={row.name} fill={row.fill} />
              ))}
            </Pie>
            <Tooltip />
          </PieChart>
        </ChartCard>
        <ChartCard title="Findings by severity" rows={bySeverity.map((row) => [row.name, row.value])}>
          <BarChart width={WIDTH} height={HEIGHT} data={bySeverity} accessibilityLayer={false}>
            <XAxis dataKey="name" interval={0} tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="value" name="Findings" isAnimationActive={false}>
              {bySeverity.map((row) => (
                <Cell key={row.key} fill={SEVERITY_FILL[row.key]} />
              ))}
            </Bar>
          </BarChart>
        </ChartCard>
      </div>
    </div>
  );
}
