import { LockOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import type { ClaimView } from '@hub/contracts';

export function ClaimHolder({ claim, mine }: { claim: ClaimView | null; mine?: boolean }) {
  if (!claim || Date.parse(claim.expiresAt) < Date.now()) return null;
  return (
    <Typography.Text type={mine ? 'success' : 'warning'} className="claim-holder" ellipsis title={claim.displayName}>
      <LockOutlined /> {claim.displayName}
    </Typography.Text>
  );
}
