/* api.c: what the runtime offers the libraries loaded with it: the MPI
 * wrappers of libcprof-mpi-<abi>.so (mpi_wrap/, docs/MPI.md) time their calls and
 * put them in the call trees through these, and add a record of their own to
 * the profile.  They find them with dlsym, so that they work, recording
 * nothing, without the runtime.  Declared in common/cprof-api.h. */
#include "config.h"

#include "clock.h"
#include "component.h"
#include "cprof-api.h"
#include "cprof-format.h"
#include "rawbuf.h"
#include "runtime-int.h"
#include "thread.h"

static cprof_writer_fn *writers[4];

CPROF_EXPORT uint64_t cprof_named_c(const char *name)
{
	return named_add("~", 0, name, 1);
}

CPROF_EXPORT uint64_t cprof_enter_from(uint64_t id, uint64_t *caller)
{
	return trace_named_enter(id, caller);
}

CPROF_EXPORT uint64_t cprof_exit(uint64_t id)
{
	return trace_named_exit(id);
}

CPROF_EXPORT uint64_t cprof_ticks(void)
{
	return clock_ticks();
}

CPROF_EXPORT int cprof_add_writer(cprof_writer_fn *fn)
{
	for (size_t i = 0; i < sizeof writers / sizeof writers[0]; i++)
		if (!__atomic_load_n(&writers[i], __ATOMIC_ACQUIRE)) {
			__atomic_store_n(&writers[i], fn, __ATOMIC_RELEASE);
			return 0;
		}
	return -1;
}

CPROF_EXPORT void cprof_put_record(void *writer, uint32_t type, const void *fixed, uint32_t fixed_size,
				   const void *rest, uint32_t rest_size)
{
	struct rawbuf *b = writer;

	rawbuf_begin(b, type, fixed_size + rest_size);
	rawbuf_put(b, fixed, fixed_size);
	rawbuf_put(b, rest, rest_size);
	rawbuf_end(b, fixed_size + rest_size);
}

CPROF_EXPORT void cprof_write_now(int reason, int value)
{
	runtime_finish(reason, value);
}

/* The writer asks the libraries for their records.  May run in a signal
 * handler, as they must. */
static void api_write_records(struct rawbuf *b)
{
	for (size_t i = 0; i < sizeof writers / sizeof writers[0]; i++) {
		cprof_writer_fn *fn = __atomic_load_n(&writers[i], __ATOMIC_ACQUIRE);
		if (fn)
			fn(b);
	}
}

const struct component api_component = {
	.write = api_write_records,
};
