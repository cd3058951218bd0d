import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { AccountDataRepository } from './account-data.repository';
import { AccountEventsConsumer } from './account-events.consumer';

/** Reacts to account events from the auth app (deletion of everything the gateway owns for a user). */
@Module({
  imports: [JobsModule],
  providers: [AccountDataRepository, AccountEventsConsumer],
})
export class AccountsModule {}
