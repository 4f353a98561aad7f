'use client'

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts'

/**
 * Charts of the dashboard (recharts, drawn in the browser after hydration; the server renders an
 * empty box of the same height, so nothing moves). They are pictures of the tables printed under
 * them, which carry the same numbers for screen readers: hence aria-hidden and no keyboard layer.
 */
export type Series = { key: string; label: string; color: string }

const AXIS = { fontSize: 12, fill: '#333' }

export function BarChartBox({
  data,
  xKey,
  series,
  height = 260,
  horizontal = false,
}: {
  data: Record<string, string | number | null>[]
  xKey: string
  series: Series[]
  height?: number
  horizontal?: boolean
}) {
  return (
    <div aria-hidden="true" style={{ width: '100%', height }} className="kotae-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={data}
          layout={horizontal ? 'vertical' : 'horizontal'}
          accessibilityLayer={false}
          margin={{ top: 8, right: 16, bottom: 8, left: horizontal ? 24 : 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#ccc" />
          {horizontal ? (
            <>
              <XAxis type="number" allowDecimals={false} tick={AXIS} />
              <YAxis type="category" dataKey={xKey} width={140} tick={AXIS} />
            </>
          ) : (
            <>
              <XAxis dataKey={xKey} tick={AXIS} />
              <YAxis allowDecimals={false} tick={AXIS} />
            </>
          )}
          {series.length > 1 && <Legend />}
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}

export function LineChartBox({
  data,
  xKey,
  series,
  height = 260,
}: {
  data: Record<string, string | number | null>[]
  xKey: string
  series: Series[]
  height?: number
}) {
  return (
    <div aria-hidden="true" style={{ width: '100%', height }} className="kotae-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#ccc" />
          <XAxis dataKey={xKey} tick={AXIS} />
          <YAxis allowDecimals={false} tick={AXIS} />
          <Legend />
          {series.map((s) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stroke={s.color}
              strokeWidth={2}
              dot
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  )
}
