export * from './auth.decorators';
export * from './auth.dto';
export * from './auth.module';
export * from './auth.service';
export * from './pii-cipher';
export * from './roles';
export * from './staff-auth.guard';
export * from './user.entity';
