import type { paths } from '@clipyard/client';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { invalidate, useMutation } from '../api/hooks';
import type { Job } from '../api/types';
import { navigate } from '../router';

export type Kind = 'trim' | 'overlay' | 'transcribe' | 'hooks' | 'shorts';
export type Body<K extends Kind> = NonNullable<paths[`/v1/jobs/${K}`]['post']['requestBody']>['content']['application/json'];

const SUBMIT: { [K in Kind]: (body: Body<K>) => Promise<Job> } = {
  trim: (body) => unwrap<Job>(api.POST('/v1/jobs/trim', { body })),
  overlay: (body) => unwrap<Job>(api.POST('/v1/jobs/overlay', { body })),
  transcribe: (body) => unwrap<Job>(api.POST('/v1/jobs/transcribe', { body })),
  hooks: (body) => unwrap<Job>(api.POST('/v1/jobs/hooks', { body })),
  shorts: (body) => unwrap<Job>(api.POST('/v1/jobs/shorts', { body })),
};

/** Submits a job of one kind and opens its page. */
export function useSubmit<K extends Kind>(kind: K) {
  return useMutation(
    (body: Body<K>) => SUBMIT[kind](body),
    (job) => {
      invalidate('jobs', 'usage');
      navigate(`/jobs/${job.id}`);
    },
  );
}
