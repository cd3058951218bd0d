import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'clipyard:public';
/** Marks a route (or controller) as reachable without credentials; everything else needs them. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
