import { Modal, Typography } from 'antd';
import type { Workspace } from '../context/AuthContext';
import type { MessageKey } from '../i18n';
import { useI18n } from '../i18n';
import { Kbd } from './Kbd';

type Group = { title: MessageKey; keys: [string[], MessageKey][] };

const CONSOLE_GROUPS: Group[] = [
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
  { title: 'help.forms', keys: [[['Ctrl+Enter'], 'help.submit']] },
];

const LIST_GROUP: Group = {
  title: 'help.lists',
  keys: [
    [['j', 'k', '↓', '↑'], 'help.move'],
    [['Enter'], 'help.open'],
  ],
};

const CASE_GROUPS: Group[] = [
  { title: 'help.global', keys: [[['?'], 'help.toggle']] },
  { ...LIST_GROUP, keys: [...LIST_GROUP.keys, [['1', '2', '3', '4'], 'help.tabs']] },
  {
    title: 'help.case',
    keys: [
      [['a'], 'help.accept'],
      [['r'], 'help.return'],
      [['h'], 'help.assist'],
      [['f'], 'help.fileCase'],
      [['p'], 'help.pause'],
      [['t'], 'help.transfer'],
      [['x'], 'help.close'],
      [['y', 'n'], 'help.approve'],
      [['Esc'], 'help.back'],
    ],
  },
  { title: 'help.forms', keys: [[['Ctrl+Enter'], 'help.submit']] },
];

const POLICE_GROUPS: Group[] = [
  { title: 'help.global', keys: [[['?'], 'help.toggle']] },
  LIST_GROUP,
  {
    title: 'help.case',
    keys: [
      [['y', 'n'], 'help.police'],
      [['Esc'], 'help.back'],
    ],
  },
  { title: 'help.forms', keys: [[['Ctrl+Enter'], 'help.submit']] },
];

const READ_ONLY_GROUPS: Group[] = [{ title: 'help.global', keys: [[['?'], 'help.toggle']] }, LIST_GROUP];

function groupsOf(workspace: Workspace): Group[] {
  if (workspace === 'operator' || workspace === 'supervisor') return CONSOLE_GROUPS;
  if (workspace === 'unit') return CASE_GROUPS;
  if (workspace === 'police') return POLICE_GROUPS;
  return READ_ONLY_GROUPS;
}

export function ShortcutHelp({ open, onClose, workspace }: { open: boolean; onClose: () => void; workspace: Workspace }) {
  const { t } = useI18n();
  const GROUPS = groupsOf(workspace);
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
