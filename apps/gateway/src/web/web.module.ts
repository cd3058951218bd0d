import { Module } from '@nestjs/common';
import { WebController } from './web.controller';

/** Serves the built dashboard at `/` and its pages. */
@Module({ controllers: [WebController] })
export class WebModule {}
