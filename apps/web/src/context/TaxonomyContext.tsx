import { Button, Result, Spin } from 'antd';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { authApi } from '../api/endpoints';
import type { Taxonomy, Unit } from '../api/types';
import { useI18n } from '../i18n';

export interface TaxonomyValue {
  taxonomy: Taxonomy;
  unitsByCode: Map<string, Unit>;
  unitName: (code: string | null | undefined) => string;
  regionName: (code: string | null | undefined) => string;
  feedName: (code: string) => string;
  label: (group: 'categories' | 'violations' | 'stages' | 'kinds', code: string | null | undefined) => string;
}

const TaxonomyContext = createContext<TaxonomyValue | null>(null);

function buildValue(taxonomy: Taxonomy): TaxonomyValue {
  const unitsByCode = new Map(taxonomy.units.map((unit) => [unit.code, unit]));
  return {
    taxonomy,
    unitsByCode,
    unitName: (code) => (code ? (unitsByCode.get(code)?.name ?? code) : '—'),
    regionName: (code) => (code ? (taxonomy.regions[code] ?? code) : '—'),
    feedName: (code) => taxonomy.feeds[code] ?? code,
    label: (group, code) => (code ? (taxonomy[group][code] ?? code) : '—'),
  };
}

export function TaxonomyProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [taxonomy, setTaxonomy] = useState<Taxonomy | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  const load = useCallback(() => {
    setFailed(null);
    authApi.taxonomy().then(setTaxonomy, (error: Error) => setFailed(error.message));
  }, []);
  useEffect(load, [load]);

  const value = useMemo(() => (taxonomy ? buildValue(taxonomy) : null), [taxonomy]);
  if (failed !== null) {
    return <Result status="warning" title={t('error.load')} subTitle={failed} extra={<Button onClick={load}>{t('action.retry')}</Button>} />;
  }
  if (!value) return <Spin size="large" fullscreen tip={t('common.loading')} />;
  return <TaxonomyContext.Provider value={value}>{children}</TaxonomyContext.Provider>;
}

export function useTaxonomy(): TaxonomyValue {
  const value = useContext(TaxonomyContext);
  if (!value) throw new Error('useTaxonomy outside TaxonomyProvider');
  return value;
}

/** The taxonomy where a screen may also show without it (the header of a role with no workspace). */
export function useTaxonomyMaybe(): TaxonomyValue | null {
  return useContext(TaxonomyContext);
}
