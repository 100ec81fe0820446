import { Segmented } from 'antd';
import { useI18n, type Lang } from '../i18n';

/** 中文 | EN, remembered by the i18n context: small in the console's header, full size on the public pages. */
export function LanguageSwitch({ className, testId = 'lang-switch', size = 'small' }: { className?: string; testId?: string; size?: 'small' | 'middle' }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      size={size}
      className={className}
      aria-label={t('lang.switch')}
      data-testid={testId}
      value={lang}
      onChange={setLang}
      options={[
        { label: '中文', value: 'zh' },
        { label: 'EN', value: 'en' },
      ]}
    />
  );
}
