import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@hub/auth';
import { CalendarController } from './calendar.controller';
import { CalendarDayEntity, CalendarYearEntity } from './calendar.entities';
import { HolidayCalendar } from './holiday-calendar.service';

/** The working-day calendar: packaged holidays plus the admin-edited table. */
@Module({
  imports: [TypeOrmModule.forFeature([CalendarDayEntity, CalendarYearEntity]), AuthModule],
  controllers: [CalendarController],
  providers: [HolidayCalendar],
  exports: [HolidayCalendar],
})
export class CalendarModule {}
