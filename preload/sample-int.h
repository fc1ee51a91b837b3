/* sample-int.h: what the sampler (sample.c) and the accounting of the time
 * its samples do not see (offcpu.c) share.  Nothing else includes this. */
#ifndef CPROF_SAMPLE_INT_H
#define CPROF_SAMPLE_INT_H

#include <stdint.h>

struct thread;
struct tnode;

/* sample.c: adds a stack to thread t's tree of sampled stacks, weighing
 * `weight` ns and `count` samples, and makes its last frame where
 * unsampled time goes; NULL if it could not be recorded.  May run in a
 * signal handler, as may the one below. */
struct tnode *sample_record(struct thread *t, const uintptr_t *pcs, int n, uint64_t weight, int count);
/* The stack to record for pcs[n]: pcs itself, or in a Python process the
 * merged one, in out; its length. */
int sample_program_stack(const struct thread *t, uintptr_t *pcs, int n, uintptr_t *out, const uintptr_t **stack);

/* offcpu.c */
void offcpu_start(int clock);
void offcpu_reset(void);
void offcpu_account_all(uint64_t now, int force);
void offcpu_thread_stop(struct thread *t, uint64_t now);
uint64_t offcpu_unsampled(void);
uint64_t offcpu_total(uint64_t now);

#endif
