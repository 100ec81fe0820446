import { Typography } from 'antd';

export function Confidence({ value }: { value: number | null | undefined }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  const percent = Math.round(value * 100);
  return (
    <Typography.Text type={percent >= 80 ? 'success' : percent >= 50 ? 'warning' : 'danger'} strong>
      {percent}%
    </Typography.Text>
  );
}
