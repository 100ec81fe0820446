import { Modal, Typography } from 'antd';
import type { MessageKey } from '../i18n';
import { useI18n } from '../i18n';
import { Kbd } from './Kbd';

const GROUPS: { title: MessageKey; keys: [string[], MessageKey][] }[] = [
  {
    title: 'help.global',
    keys: [
      [['n'], 'help.newCall'],
      [['?'], 'help.toggle'],
    ],
  },
  {
    title: 'help.lists',
    keys: [
      [['j', 'k', '↓', '↑'], 'help.move'],
      [['Enter'], 'help.open'],
    ],
  },
  {
    title: 'help.ticket',
    keys: [
      [['c'], 'help.confirm'],
      [['e'], 'help.correct'],
      [['u'], 'help.leadUnit'],
      [['m'], 'help.merge'],
      [['d'], 'help.discard'],
      [['Esc'], 'help.back'],
    ],
  },
  {
    title: 'help.rewards',
    keys: [
      [['a'], 'help.rewardApprove'],
      [['r'], 'help.rewardReject'],
      [['p'], 'help.rewardPay'],
      [['v'], 'help.rewardReveal'],
      [['Esc'], 'reward.back'],
    ],
  },
  { title: 'help.forms', keys: [[['Ctrl+Enter'], 'help.submit']] },
];

export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('help.title')} width={520} data-testid="shortcut-help">
      {GROUPS.map((group) => (
        <section key={group.title} className="help-group">
          <Typography.Title level={5}>{t(group.title)}</Typography.Title>
          {group.keys.map(([keys, text]) => (
            <div key={text} className="help-row">
              <span className="help-keys">
                {keys.map((key) => (
                  <Kbd key={key}>{key}</Kbd>
                ))}
              </span>
              <span>{t(text)}</span>
            </div>
          ))}
        </section>
      ))}
    </Modal>
  );
}
