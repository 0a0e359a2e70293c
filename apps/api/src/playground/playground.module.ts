import { Module } from '@nestjs/common';
import { PlaygroundController } from './playground.controller';

/** The playground's API (`playground.use`). */
@Module({ controllers: [PlaygroundController] })
export class PlaygroundModule {}
