/* settings.c: what every module of the runtime reads of the process: the
 * CPROF_* variables (common/cprof-env.h), read once, as the runtime
 * starts, the one place the runtime reads its environment; and `rt`, the
 * settings and identity runtime.c takes from them.  A program that changes
 * its environment later (setenv, clearenv) changes nothing of the
 * profile's settings. */
#include "config.h"

#include "runtime-int.h"

struct runtime rt;
__thread int rt_in_library __attribute__((tls_model("initial-exec")));

static const char *values[CPROF_ENV_N];

void settings_init(void)
{
	for (int v = 0; v < CPROF_ENV_N; v++)
		values[v] = cprof_env_get((enum cprof_env)v);
}

const char *setting(enum cprof_env v)
{
	return values[v] ? values[v] : cprof_env_row(v)->dflt;
}
