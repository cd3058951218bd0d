import { Module } from '@nestjs/common';
import { WebController } from './web.controller';

/** Serves the built dashboard at `/`. Imported last so its catch-all is the fallback of GETs. */
@Module({ controllers: [WebController] })
export class WebModule {}
