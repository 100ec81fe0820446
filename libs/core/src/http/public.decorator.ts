import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'hub:isPublic';
/** The endpoint needs no staff login (feeds use their own key, tipsters their PIN). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
