import type { DataSource } from 'typeorm';
import { allUnits, DEPARTMENTS, REGIONS } from './taxonomy';

/**
 * Brings departments, regions and units in the database in line with the shipped
 * taxonomy (idempotent: inserts what is missing, refreshes names).
 */
export async function seedTaxonomy(db: DataSource): Promise<{ departments: number; regions: number; units: number }> {
  const departments = Object.values(DEPARTMENTS);
  const regions = Object.values(REGIONS);
  const units = allUnits();
  await db.transaction(async (tx) => {
    for (const d of departments) {
      await tx.query(
        `INSERT INTO departments (code, name, hotline, province_only) VALUES ($1, $2, $3, $4)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, hotline = EXCLUDED.hotline, province_only = EXCLUDED.province_only`,
        [d.code, d.name, d.hotline, d.regions.length === 1],
      );
    }
    for (const r of regions) {
      await tx.query(`INSERT INTO regions (code, name) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`, [r.code, r.name]);
    }
    for (const u of units) {
      await tx.query(
        `INSERT INTO units (code, department_code, region_code, name) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`,
        [u.code, u.department, u.region, u.name],
      );
    }
  });
  return { departments: departments.length, regions: regions.length, units: units.length };
}
