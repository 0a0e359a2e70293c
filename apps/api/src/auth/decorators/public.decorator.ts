import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'interakt:public';

/** Opts a route out of the global authentication guard (login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
