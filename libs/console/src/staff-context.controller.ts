import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentViewer } from '@hub/auth/auth.decorators';
import type { Viewer } from '@hub/auth/roles';
import { allUnits, CATEGORIES, DEPARTMENTS, KINDS, REGIONS, STAGES, VIOLATIONS } from '@hub/taxonomy';

const FEED_NAMES: Record<string, string> = {
  '12315': '工商 12315',
  '12365': '质检 12365',
  '12358': '物价 12358',
  '12330': '知识产权 12330',
  '12390': '版权 12390',
  '12316': '农业 12316',
  '12312': '商务 12312',
  OPERATOR: '话务录入',
  WEB: '网上举报',
};

/** What every staff screen needs first: who is signed in and the names of every code. */
@ApiTags('staff')
@ApiBearerAuth()
@Controller()
export class StaffContextController {
  @Get('me')
  @ApiOperation({ summary: 'The signed-in staff member' })
  me(@CurrentViewer() viewer: Viewer) {
    return viewer;
  }

  @Get('taxonomy')
  @ApiOperation({ summary: 'Names of kinds, categories, violations, stages, departments, regions, units and feeds' })
  taxonomy() {
    return {
      kinds: KINDS,
      categories: CATEGORIES,
      violations: VIOLATIONS,
      stages: STAGES,
      departments: Object.fromEntries(Object.values(DEPARTMENTS).map((d) => [d.code, d.name])),
      regions: Object.fromEntries(Object.values(REGIONS).map((r) => [r.code, r.name])),
      units: allUnits().map((u) => ({ code: u.code, name: u.name, department: u.department, region: u.region })),
      feeds: FEED_NAMES,
    };
  }
}
