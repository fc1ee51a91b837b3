/* components.c: the runtime's components (component.h), once, in order.
 *
 * The order is the order of every hook: setup (libc's functions behind
 * the wrappers of exec and of close before anything), startup (signals before the
 * sampler that uses them, tracing before the threads that trace, Python's
 * hooks where tracing is known to be on or off, the sampler before the
 * main thread's timer), fork (the writer forgets the parent's file first,
 * the service's thread starts last), and the records in the profile after
 * the writer's PROCESS and MODULE: SAMPLING, COUNTS, NAMED, then the MPI
 * wrappers' (api.c), then each thread's (thread.c: the tracer's NODES
 * before the sampler's STACKS). */
#include "config.h"

#include "component.h"

const struct component *const components[] = {
	&exec_component,
	&fds_component,
	&writer_component,
	&signals_component,
	&trace_component,
	&thread_component,
	&python_component,
	&sample_component,
	&count_component,
	&named_component,
	&api_component,
	&service_component,
	NULL,
};
